# dX = −X^3 dt + dW: Euler–Maruyama explodes
# Data: data/explosion/*.csv. Render from this folder with: gnuplot explosion.gp
if (!exists("svgout")) svgout = "explosion.svg"
if (!exists("pngout")) pngout = "explosion.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1120,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1120,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "dX = −X^3 dt + dW: Euler–Maruyama explodes"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "fraction of paths with |X_n| > 10^6 before T = 2"
  set xlabel "step h"
  set ylabel "fraction"
  set key top left
  set logscale y; set format y "10^{%T}"
  set yrange [1e-05:30]
  plot "data/explosion/1-1.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#0072B2" title "s_0 = 0.5", \
       "data/explosion/1-2.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#0072B2" notitle, \
       "data/explosion/1-3.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#D55E00" title "s_0 = 1", \
       "data/explosion/1-4.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#D55E00" notitle, \
       "data/explosion/1-5.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#009E73" title "s_0 = 1.5", \
       "data/explosion/1-6.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#009E73" notitle, \
       "data/explosion/1-7.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#CC79A7" title "s_0 = 2", \
       "data/explosion/1-8.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#CC79A7" notitle
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "lower bound on E|X_N|, X_0 = 0, T = 1, h = 1/N"
  set xlabel "step h"
  set ylabel "log_{10} of the bound"
  set key top right
  set logscale y; set format y "10^{%T}"
  set xrange [0:0.2]
  plot "data/explosion/2-1.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#0072B2" title "log_{10} E|X_N| ≥ this", \
       "data/explosion/2-2.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#000000" title "largest double: 10^{308}"
  unset multiplot
  set output
}
