# Sampling distributions of the slope β̂₁ (n = 100): OLS, Huber, LAD
# Data: data/sampling/*.csv. Render from this folder with: gnuplot sampling.gp
if (!exists("svgout")) svgout = "sampling.svg"
if (!exists("pngout")) pngout = "sampling.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1500,420 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1500,420 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,3 title "Sampling distributions of the slope β̂₁ (n = 100): OLS, Huber, LAD"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "Normal errors"
  set xlabel "β̂₁"
  set ylabel "density"
  set key top right
  plot "data/sampling/1-1.csv" using 1:2 with steps lw 2 lc rgb "#0072B2" title "OLS", \
       "data/sampling/1-2.csv" using 1:2 with steps lw 2 lc rgb "#D55E00" title "Huber", \
       "data/sampling/1-3.csv" using 1:2 with steps lw 2 lc rgb "#009E73" title "LAD"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "t₃ errors"
  set xlabel "β̂₁"
  set ylabel "density"
  set key top right
  plot "data/sampling/2-1.csv" using 1:2 with steps lw 2 lc rgb "#0072B2" title "OLS", \
       "data/sampling/2-2.csv" using 1:2 with steps lw 2 lc rgb "#D55E00" title "Huber", \
       "data/sampling/2-3.csv" using 1:2 with steps lw 2 lc rgb "#009E73" title "LAD"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "Cauchy errors"
  set xlabel "β̂₁"
  set ylabel "density"
  set key top right
  plot "data/sampling/3-1.csv" using 1:2 with steps lw 2 lc rgb "#0072B2" title "OLS", \
       "data/sampling/3-2.csv" using 1:2 with steps lw 2 lc rgb "#D55E00" title "Huber", \
       "data/sampling/3-3.csv" using 1:2 with steps lw 2 lc rgb "#009E73" title "LAD"
  unset multiplot
  set output
}
