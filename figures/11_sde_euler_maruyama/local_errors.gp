# One-step errors on GBM (μ = 2, s = 1, X_0 = 1)
# Data: data/local_errors/*.csv. Render from this folder with: gnuplot local_errors.gp
if (!exists("svgout")) svgout = "local_errors.svg"
if (!exists("pngout")) pngout = "local_errors.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 720,520 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 720,520 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "One-step errors on GBM (μ = 2, s = 1, X_0 = 1)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "step h"
  set ylabel "one-step error"
  set key bottom right
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  set yrange [1e-12:0.01]
  plot "data/local_errors/1-1.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#0072B2" title "EM, rms: slope 1.00", \
       "data/local_errors/1-2.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" title "Milstein, rms: slope 1.50", \
       "data/local_errors/1-3.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#000000" title "EM and Milstein, mean: slope 2.00", \
       "data/local_errors/1-4.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#D55E00" title "Milstein without -h, mean: slope 1.00"
  unset multiplot
  set output
}
