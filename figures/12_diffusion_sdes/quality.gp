# Sample quality against the number of steps, exact score
# Data: data/quality/*.csv. Render from this folder with: gnuplot quality.gp
if (!exists("svgout")) svgout = "quality.svg"
if (!exists("pngout")) pngout = "quality.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Sample quality against the number of steps, exact score"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "number of steps N"
  set ylabel "MMD² to p_0 (± 1 se)"
  set key top right
  set logscale x; set format x "10^{%T}"
  set xrange [4:250]
  plot "data/quality/sde.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#D55E00" title "reverse SDE, Euler–Maruyama", \
       "data/quality/ode.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#009E73" title "probability-flow ODE, Heun", \
       "data/quality/exact.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#0072B2" title "exact draws of p_0"
  unset multiplot
  set output
}
