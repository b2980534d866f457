# Data score and a model score
# Data: data/setup/*.csv. Render from this folder with: gnuplot setup.gp
if (!exists("svgout")) svgout = "setup.svg"
if (!exists("pngout")) pngout = "setup.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1100,520 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1100,520 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "Data score and a model score"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "log p(x) and ∇log p"
  set xlabel "x_1"
  set ylabel "x_2"
  set key top right
  set xrange [-4:4]
  set yrange [-4:4]
  set size ratio -1
  plot "data/setup/1-1.csv" using 1:2:3 with image title "log p", \
       "data/setup/1-2.csv" using 1:2:3:4 with vectors head size 0.08,20 filled lw 1 lc rgb "#0072B2" title "∇log p"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "model s_θ (nonlinear) against ∇log p"
  set xlabel "x_1"
  set ylabel "x_2"
  set key top right
  set xrange [-4:4]
  set yrange [-4:4]
  set size ratio -1
  plot "data/setup/2-1.csv" using 1:2:3:4 with vectors head size 0.08,20 filled lw 1 lc rgb "#000000" title "∇log p", \
       "data/setup/2-2.csv" using 1:2:3:4 with vectors head size 0.08,20 filled lw 1 lc rgb "#D55E00" title "s_θ"
  unset multiplot
  set output
}
