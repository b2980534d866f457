# Linear classifiers on 1:50 data: decision lines and minority recall
# Data: data/minority_recall/*.csv. Render from this folder with: gnuplot minority_recall.gp
if (!exists("svgout")) svgout = "minority_recall.svg"
if (!exists("pngout")) pngout = "minority_recall.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1100,480 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1100,480 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "Linear classifiers on 1:50 data: decision lines and minority recall"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "last training set and its fitted lines w·x + b = 0"
  set xlabel "x_1"
  set ylabel "x_2"
  set key outside right top vertical
  set xrange [-4:5]
  set yrange [-4:4.5]
  plot "data/minority_recall/majority.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "majority y = 0", \
       "data/minority_recall/minority.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#009E73" title "minority y = 1", \
       "data/minority_recall/line_0.csv" using 1:2 with lines lw 2 lc rgb "#CC79A7" title "cross-entropy", \
       "data/minority_recall/line_1.csv" using 1:2 with lines lw 2 lc rgb "#E69F00" title "weighted CE (1 : 50)", \
       "data/minority_recall/line_2.csv" using 1:2 with lines lw 2 lc rgb "#56B4E9" title "focal γ = 2"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "minority recall on each training set"
  set xlabel "training set"
  set ylabel "minority recall P(z > 0 | y = 1)"
  set key top right
  set yrange [0:1.3]
  plot "data/minority_recall/ce.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#CC79A7" title "cross-entropy", \
       "data/minority_recall/weighted.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#E69F00" title "weighted CE (1 : 50)", \
       "data/minority_recall/focal.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#56B4E9" title "focal γ = 2"
  unset multiplot
  set output
}
