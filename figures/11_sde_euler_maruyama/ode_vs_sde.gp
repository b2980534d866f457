# Euler (drift only) vs Euler–Maruyama: dX = −2X dt + dW
# Data: data/ode_vs_sde/*.csv. Render from this folder with: gnuplot ode_vs_sde.gp
if (!exists("svgout")) svgout = "ode_vs_sde.svg"
if (!exists("pngout")) pngout = "ode_vs_sde.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1120,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1120,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "Euler (drift only) vs Euler–Maruyama: dX = −2X dt + dW"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "t"
  set ylabel "X_t"
  set key top right
  plot "data/ode_vs_sde/1-1.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "Euler–Maruyama paths", \
       "data/ode_vs_sde/1-2.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" notitle, \
       "data/ode_vs_sde/1-3.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" notitle, \
       "data/ode_vs_sde/1-4.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" notitle, \
       "data/ode_vs_sde/1-5.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" notitle, \
       "data/ode_vs_sde/1-6.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" notitle, \
       "data/ode_vs_sde/1-7.csv" using 1:2 with lines lw 2 lc rgb "#CC79A7" title "Euler (g dropped)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "endpoints at T = 1 from N(m_0, s_0^2)"
  set xlabel "X_T"
  set ylabel "density"
  set key top right
  plot "data/ode_vs_sde/2-1.csv" using 1:2 with steps lw 2 lc rgb "#0072B2" title "Euler–Maruyama", \
       "data/ode_vs_sde/2-2.csv" using 1:2 with steps lw 2 lc rgb "#CC79A7" title "Euler (g dropped)", \
       "data/ode_vs_sde/2-3.csv" using 1:2 with lines lw 2 lc rgb "#000000" title "exact law of X_T"
  unset multiplot
  set output
}
