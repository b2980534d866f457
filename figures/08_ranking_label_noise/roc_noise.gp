# ROC curves of η and of h(η) under steep noise (rise 0.5)
# Data: data/roc_noise/*.csv. Render from this folder with: gnuplot roc_noise.gp
if (!exists("svgout")) svgout = "roc_noise.svg"
if (!exists("pngout")) pngout = "roc_noise.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "ROC curves of η and of h(η) under steep noise (rise 0.5)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "false-positive rate"
  set ylabel "true-positive rate"
  set key bottom right
  set xrange [0:1]
  set yrange [0:1]
  set size ratio -1
  plot "data/roc_noise/chance.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#000000" title "chance", \
       "data/roc_noise/eta_clean.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "η, clean labels", \
       "data/roc_noise/steep_clean.csv" using 1:2 with lines lw 2 lc rgb "#CC79A7" title "h(η), clean labels", \
       "data/roc_noise/eta_noisy.csv" using 1:2 with lines lw 2 lc rgb "#E69F00" title "η, noisy labels"
  unset multiplot
  set output
}
