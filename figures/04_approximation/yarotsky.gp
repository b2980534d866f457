# Yarotsky's ReLU approximation f_m of x² on [0, 1]
# Data: data/yarotsky/*.csv. Render from this folder with: gnuplot yarotsky.gp
if (!exists("svgout")) svgout = "yarotsky.svg"
if (!exists("pngout")) pngout = "yarotsky.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 900,380 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 900,380 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "Yarotsky's ReLU approximation f_m of x² on [0, 1]"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "error against depth m"
  set xlabel "depth m (hidden layers)"
  set ylabel "max |f_m(x) − x²|"
  set key top right
  set logscale y; set format y "10^{%T}"
  plot "data/yarotsky/measured.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#D55E00" title "measured", \
       "data/yarotsky/bound.csv" using 1:2 with lines lw 2 lc rgb "#000000" title "2^{−2m−2}"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "error against hidden units"
  set xlabel "hidden ReLU units"
  set ylabel "max |f(x) − x²|"
  set key below horizontal center maxcols 1; set bmargin 6
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  plot "data/yarotsky/deep.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#009E73" title "deep: m layers of 4", \
       "data/yarotsky/shallow.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#0072B2" title "one hidden layer: 2^m"
  unset multiplot
  set output
}
