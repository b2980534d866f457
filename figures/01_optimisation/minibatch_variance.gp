# Mini-batch gradient variance E‖ĝ − ḡ‖² against the batch size (N = 1000)
# Data: data/minibatch_variance/*.csv. Render from this folder with: gnuplot minibatch_variance.gp
if (!exists("svgout")) svgout = "minibatch_variance.svg"
if (!exists("pngout")) pngout = "minibatch_variance.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Mini-batch gradient variance E‖ĝ − ḡ‖² against the batch size (N = 1000)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "batch size m"
  set ylabel "E‖ĝ − ḡ‖²"
  set key bottom left
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  plot "data/minibatch_variance/with_formula.csv" using 1:2 with lines lw 2 lc rgb "#56B4E9" title "σ²/m (with replacement)", \
       "data/minibatch_variance/without_formula.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "σ²/m · (N − m)/(N − 1) (without)", \
       "data/minibatch_variance/with_mc.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#000000" title "Monte Carlo, with replacement ± 1 se", \
       "data/minibatch_variance/without_mc.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#009E73" title "Monte Carlo, exercise 01.3 ± 1 se"
  unset multiplot
  set output
}
