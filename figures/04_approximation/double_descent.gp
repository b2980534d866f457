# Random ReLU features, n = 20 noisy points: test error against width N
# Data: data/double_descent/*.csv. Render from this folder with: gnuplot double_descent.gp
if (!exists("svgout")) svgout = "double_descent.svg"
if (!exists("pngout")) pngout = "double_descent.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 760,640 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 760,640 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 2,1 title "Random ReLU features, n = 20 noisy points: test error against width N"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "geometric mean of the test error over data sets (bands: ±2 se)"
  set xlabel "width N (random ReLU features)"
  set ylabel "test error E(f̂ − f)²"
  set key below horizontal center maxcols 2; set bmargin 6
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  plot "data/double_descent/min_norm_band.csv" using 1:2:3 with filledcurves fs transparent solid 0.25 noborder lc rgb "#0072B2" notitle, \
       "data/double_descent/min_norm.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#0072B2" title "min-norm least squares", \
       "data/double_descent/ridge_band.csv" using 1:2:3 with filledcurves fs transparent solid 0.25 noborder lc rgb "#009E73" notitle, \
       "data/double_descent/ridge.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#009E73" title "ridge, λ = 1", \
       "data/double_descent/threshold.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#000000" title "N = n (interpolation threshold)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "widths chosen by 5-fold cross-validation"
  set xlabel "width N"
  set ylabel "fraction of data sets"
  set key top left
  set logscale x; set format x "10^{%T}"
  plot "data/double_descent/cv_pick.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" title "CV's choice"
  unset multiplot
  set output
}
