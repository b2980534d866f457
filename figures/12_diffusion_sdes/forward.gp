# Forward VP diffusion of the mixture: Euler–Maruyama draws of x_t
# Data: data/forward/*.csv. Render from this folder with: gnuplot forward.gp
if (!exists("svgout")) svgout = "forward.svg"
if (!exists("pngout")) pngout = "forward.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1750,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1750,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,5 title "Forward VP diffusion of the mixture: Euler–Maruyama draws of x_t"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "t = 0"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-3.5:3.5]
  set yrange [-3.5:3.5]
  set size ratio -1
  plot "data/forward/draws_t1.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "draws of x_t"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "t = 0.05"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-3.5:3.5]
  set yrange [-3.5:3.5]
  set size ratio -1
  plot "data/forward/draws_t2.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "draws of x_t"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "t = 0.2"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-3.5:3.5]
  set yrange [-3.5:3.5]
  set size ratio -1
  plot "data/forward/draws_t3.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "draws of x_t"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "t = 0.5"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-3.5:3.5]
  set yrange [-3.5:3.5]
  set size ratio -1
  plot "data/forward/draws_t4.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "draws of x_t"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "t = 1"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-3.5:3.5]
  set yrange [-3.5:3.5]
  set size ratio -1
  plot "data/forward/draws_t5.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "draws of x_t"
  unset multiplot
  set output
}
