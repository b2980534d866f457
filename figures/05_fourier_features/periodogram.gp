# Periodogram of the hourly series: peaks at 168 h, 24 h and 12 h
# Data: data/periodogram/*.csv. Render from this folder with: gnuplot periodogram.gp
if (!exists("svgout")) svgout = "periodogram.svg"
if (!exists("pngout")) pngout = "periodogram.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Periodogram of the hourly series: peaks at 168 h, 24 h and 12 h"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "period 2π/ω (hours)"
  set ylabel "periodogram I(ω)"
  set key below horizontal center maxcols 1; set bmargin 6
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  set xrange [3:500]
  plot "data/periodogram/periodogram.csv" using 1:2 with lines lw 2 lc rgb "#CC79A7" title "I(ω) = |Σ y_t e^{−iωt}|²/N", \
       "data/periodogram/floor.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#0072B2" title "noise floor σ²"
  unset multiplot
  set output
}
