# Expected absolute error per value of x: regression against classification (m = 6 draws per x)
# Data: data/regression_vs_classification/*.csv. Render from this folder with: gnuplot regression_vs_classification.gp
if (!exists("svgout")) svgout = "regression_vs_classification.svg"
if (!exists("pngout")) pngout = "regression_vs_classification.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1100,460 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1100,460 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "Expected absolute error per value of x: regression against classification (m = 6 draws per x)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "ordinal target: y given x is Binomial(9, x)"
  set xlabel "x"
  set ylabel "E|ŷ − y|"
  set key top right
  set yrange [0.4:2]
  plot "data/regression_vs_classification/mode.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#CC79A7" title "classifier (sample mode)", \
       "data/regression_vs_classification/mean.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#0072B2" title "regression, squared error (mean)", \
       "data/regression_vs_classification/median.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#D55E00" title "regression, absolute error (median)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "piecewise target: y is 0 or 5"
  set xlabel "x"
  set ylabel "E|ŷ − y|"
  set key top right
  set yrange [0:3.2]
  plot "data/regression_vs_classification/pmode.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#CC79A7" title "classifier (sample mode)", \
       "data/regression_vs_classification/pmean.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#0072B2" title "regression, squared error (mean)"
  unset multiplot
  set output
}
