# Marginal densities p_t: the exact mixture against histograms of draws of x_t
# Data: data/marginal_density/*.csv. Render from this folder with: gnuplot marginal_density.gp
if (!exists("svgout")) svgout = "marginal_density.svg"
if (!exists("pngout")) pngout = "marginal_density.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1600,380 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1600,380 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,4 title "Marginal densities p_t: the exact mixture against histograms of draws of x_t"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "t = 0"
  set xlabel "x_t"
  set ylabel "density p_t(x_t)"
  set key top right
  set yrange [0:1]
  plot "data/marginal_density/histogram_t1.csv" using 1:2 with steps lw 2 lc rgb "#000000" title "histogram of x_t", \
       "data/marginal_density/exact_t1.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "p_t (exact)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "t = 0.2"
  set xlabel "x_t"
  set ylabel "density p_t(x_t)"
  set key top right
  set yrange [0:1]
  plot "data/marginal_density/histogram_t2.csv" using 1:2 with steps lw 2 lc rgb "#000000" title "histogram of x_t", \
       "data/marginal_density/exact_t2.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "p_t (exact)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "t = 1"
  set xlabel "x_t"
  set ylabel "density p_t(x_t)"
  set key top right
  set yrange [0:1]
  plot "data/marginal_density/histogram_t3.csv" using 1:2 with steps lw 2 lc rgb "#000000" title "histogram of x_t", \
       "data/marginal_density/exact_t3.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "p_t (exact)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "t = 3"
  set xlabel "x_t"
  set ylabel "density p_t(x_t)"
  set key top right
  set yrange [0:1]
  plot "data/marginal_density/histogram_t4.csv" using 1:2 with steps lw 2 lc rgb "#000000" title "histogram of x_t", \
       "data/marginal_density/exact_t4.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "p_t (exact)"
  unset multiplot
  set output
}
