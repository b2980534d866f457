# Subgradient method on LAD (n = 40): excess f(w_t) − f* against the iteration t
# Data: data/steps/*.csv. Render from this folder with: gnuplot steps.gp
if (!exists("svgout")) svgout = "steps.svg"
if (!exists("pngout")) pngout = "steps.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 900,520 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 900,520 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Subgradient method on LAD (n = 40): excess f(w_t) − f* against the iteration t"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "iteration t"
  set ylabel "f(w_t) − f*"
  set key top right
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  plot "data/steps/constant0.csv" using 1:2 with lines lw 2 lc rgb "#CC79A7" title "constant η = 0.04", \
       "data/steps/constant1.csv" using 1:2 with lines lw 2 lc rgb "#E69F00" title "constant η = 0.02", \
       "data/steps/constant2.csv" using 1:2 with lines lw 2 lc rgb "#F0E442" title "constant η = 0.01", \
       "data/steps/schedule.csv" using 1:2 with lines lw 2 lc rgb "#009E73" title "η_t = (B/ρ)/√t (exercise 01.2)"
  unset multiplot
  set output
}
