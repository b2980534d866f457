# Mini-batch subgradient descent on LAD (N = 320): excess loss f(w) − f*
# Data: data/batch_size/*.csv. Render from this folder with: gnuplot batch_size.gp
if (!exists("svgout")) svgout = "batch_size.svg"
if (!exists("pngout")) pngout = "batch_size.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1300,460 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1300,460 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "Mini-batch subgradient descent on LAD (N = 320): excess loss f(w) − f*"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "per gradient evaluation"
  set xlabel "epochs (gradient evaluations / N)"
  set ylabel "f(w) − f*"
  set key top right
  set logscale y; set format y "10^{%T}"
  plot "data/batch_size/epochs_m1.csv" using 1:2 with lines lw 2 lc rgb "#CC79A7" title "m = 1", \
       "data/batch_size/epochs_m10.csv" using 1:2 with lines lw 2 lc rgb "#E69F00" title "m = 10", \
       "data/batch_size/epochs_m32.csv" using 1:2 with lines lw 2 lc rgb "#F0E442" title "m = 32", \
       "data/batch_size/epochs_m320.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "m = N = 320"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "per update"
  set xlabel "updates t"
  set ylabel "f(w) − f*"
  set key bottom right
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  plot "data/batch_size/updates_m1.csv" using 1:2 with lines lw 2 lc rgb "#CC79A7" title "m = 1", \
       "data/batch_size/updates_m10.csv" using 1:2 with lines lw 2 lc rgb "#E69F00" title "m = 10", \
       "data/batch_size/updates_m32.csv" using 1:2 with lines lw 2 lc rgb "#F0E442" title "m = 32", \
       "data/batch_size/updates_m320.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "m = N = 320"
  unset multiplot
  set output
}
