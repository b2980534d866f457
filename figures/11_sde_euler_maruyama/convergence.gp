# Geometric Brownian motion (μ = 1, s = 1, T = 1) on common Brownian paths; bars: 95%
# Data: data/convergence/*.csv. Render from this folder with: gnuplot convergence.gp
if (!exists("svgout")) svgout = "convergence.svg"
if (!exists("pngout")) pngout = "convergence.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1200,520 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1200,520 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "Geometric Brownian motion (μ = 1, s = 1, T = 1) on common Brownian paths; bars: 95%"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "strong error E|X_T − X^h_T|"
  set xlabel "step h"
  set ylabel "error"
  set key bottom right
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  set xrange [0.0006103515625:0.2]
  plot "data/convergence/1-1.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#0072B2" notitle, \
       "data/convergence/1-2.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#0072B2" title "Euler–Maruyama: slope 0.495 ± 0.006", \
       "data/convergence/1-3.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#D55E00" notitle, \
       "data/convergence/1-4.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#D55E00" title "Milstein: slope 0.995 ± 0.003"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "weak error |E f(X^h_T) − E f(X_T)|, f = x or x^2"
  set xlabel "step h"
  set ylabel "error"
  set key bottom right
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  set xrange [0.0006103515625:0.2]
  set yrange [1e-06:10]
  plot "data/convergence/2-1.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "x^2: EM, exact", \
       "data/convergence/2-2.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#D55E00" title "x^2: Milstein, exact", \
       "data/convergence/2-3.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#D55E00" title "x^2: Milstein, MC: slope 0.980 ± 0.010", \
       "data/convergence/2-4.csv" using 1:2 with lines lw 2 lc rgb "#000000" title "x: EM = Milstein, exact", \
       "data/convergence/2-5.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#0072B2" title "x: EM (s = 0.5, at 1.1h), MC: slope 0.958 ± 0.018", \
       "data/convergence/2-6.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#D55E00" title "x: Milstein, MC: slope 0.996 ± 0.005"
  unset multiplot
  set output
}
