# One hidden layer of N units fitting |x − 0.3| on [−1, 1] (least-squares output layer)
# Data: data/relu_tanh/*.csv. Render from this folder with: gnuplot relu_tanh.gp
if (!exists("svgout")) svgout = "relu_tanh.svg"
if (!exists("pngout")) pngout = "relu_tanh.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "One hidden layer of N units fitting |x − 0.3| on [−1, 1] (least-squares output layer)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "hidden units N"
  set ylabel "RMS error on [−1, 1]"
  set key top right
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  plot "data/relu_tanh/relu.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" title "ReLU units", \
       "data/relu_tanh/tanh.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#009E73" title "tanh units, slope N/2", \
       "data/relu_tanh/tanh_bounded.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#CC79A7" title "tanh units, slope 2"
  unset multiplot
  set output
}
