# Learning curves: Naive Bayes (generative) against logistic regression (discriminative)
# Data: data/learning_curves/*.csv. Render from this folder with: gnuplot learning_curves.gp
if (!exists("svgout")) svgout = "learning_curves.svg"
if (!exists("pngout")) pngout = "learning_curves.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1200,460 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1200,460 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "Learning curves: Naive Bayes (generative) against logistic regression (discriminative)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "well specified: independent features"
  set xlabel "training set size n"
  set ylabel "test error (exact, mean ± 1 se over training sets)"
  set key top right
  set logscale x; set format x "10^{%T}"
  plot "data/learning_curves/naive_bayes_1.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#0072B2" title "Naive Bayes", \
       "data/learning_curves/logistic_1.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#D55E00" title "logistic regression", \
       "data/learning_curves/bayes_1.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#56B4E9" title "Bayes error"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "misspecified: five correlated copies of one feature"
  set xlabel "training set size n"
  set ylabel "test error (exact, mean ± 1 se over training sets)"
  set key below horizontal center maxcols 2; set bmargin 6
  set logscale x; set format x "10^{%T}"
  plot "data/learning_curves/naive_bayes_2.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#0072B2" title "Naive Bayes", \
       "data/learning_curves/logistic_2.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#D55E00" title "logistic regression", \
       "data/learning_curves/bayes_2.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#56B4E9" title "Bayes error", \
       "data/learning_curves/nb_asymptote.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#0072B2" title "Naive Bayes asymptote"
  unset multiplot
  set output
}
