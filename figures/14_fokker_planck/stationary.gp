# The finite-volume stationary state of b = −x, D = 1 + x²
# Data: data/stationary/*.csv. Render from this folder with: gnuplot stationary.gp
if (!exists("svgout")) svgout = "stationary.svg"
if (!exists("pngout")) pngout = "stationary.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1200,450 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1200,450 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "The finite-volume stationary state of b = −x, D = 1 + x²"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "stationary densities on [−5, 5]"
  set xlabel "x"
  set ylabel "density"
  set key below horizontal center maxcols 1; set bmargin 7
  plot "data/stationary/closed_form.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "closed form (2/π)(1+x²)^{-2}", \
       "data/stationary/finite_volume.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#D55E00" title "finite volume, zero flux", \
       "data/stationary/slip.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#56B4E9" title "slip flux −½DΔp/h"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "error of the zero-flux state"
  set xlabel "cell width h"
  set ylabel "max |p_i − p∞(x_i)|"
  set key top left
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  plot "data/stationary/error.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" title "finite volume", \
       "data/stationary/slope2.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#0072B2" title "slope 2"
  unset multiplot
  set output
}
