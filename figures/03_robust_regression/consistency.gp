# OLS under t₃ errors: the error shrinks like n^{−1/2}; errors in x do not
# Data: data/consistency/*.csv. Render from this folder with: gnuplot consistency.gp
if (!exists("svgout")) svgout = "consistency.svg"
if (!exists("pngout")) pngout = "consistency.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "OLS under t₃ errors: the error shrinks like n^{−1/2}; errors in x do not"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "n (sample size)"
  set ylabel "E|β̂₁ − β₁|"
  set key below horizontal center maxcols 1; set bmargin 8
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  plot "data/consistency/1-1.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#0072B2" title "t₃ errors, x observed", \
       "data/consistency/1-2.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#0072B2" title "slope −1/2", \
       "data/consistency/1-3.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#E69F00" title "t₃ errors, x measured with error (τ = 0.5)", \
       "data/consistency/1-4.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#E69F00" title "attenuation bias β₁τ²/(Var x + τ²)"
  unset multiplot
  set output
}
