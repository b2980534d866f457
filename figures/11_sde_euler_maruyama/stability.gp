# Stability of Euler (ODE) and mean-square stability of Euler–Maruyama
# Data: data/stability/*.csv. Render from this folder with: gnuplot stability.gp
if (!exists("svgout")) svgout = "stability.svg"
if (!exists("pngout")) pngout = "stability.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1120,860 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1120,860 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 2,2 title "Stability of Euler (ODE) and mean-square stability of Euler–Maruyama"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "Euler on y' = λy: |1 + hλ| < 1"
  set xlabel "Re hλ"
  set ylabel "Im hλ"
  set key top right
  set xrange [-3:1]
  set yrange [-1.6:1.6]
  set size ratio -1
  plot "data/stability/1-1.csv" using 1:2:3 with filledcurves fs transparent solid 0.25 noborder lc rgb "#CC79A7" title "Euler stable", \
       "data/stability/1-2.csv" using 1:2 with lines lw 2 lc rgb "#CC79A7" notitle, \
       "data/stability/1-3.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#E69F00" title "hλ = −1.5, −2.5 (checked)", \
       "data/stability/1-4.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#E69F00" notitle
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "mean-square stable regions of dX = λX dt + μX dW"
  set xlabel "hλ"
  set ylabel "hμ^2"
  set key top right
  set xrange [-2.5:1.5]
  set yrange [0:3]
  plot "data/stability/2-1.csv" using 1:2:3 with filledcurves fs transparent solid 0.25 noborder lc rgb "#000000" title "SDE stable: 2λ + μ^2 < 0", \
       "data/stability/2-2.csv" using 1:2:3 with filledcurves fs transparent solid 0.25 noborder lc rgb "#0072B2" title "EM stable: |1 + hλ|^2 + hμ^2 < 1", \
       "data/stability/2-3.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#000000" title "λ = −3, μ^2 = 3, h grows", \
       "data/stability/2-4.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#E69F00" title "h = 1/4, 1/2 (checked)", \
       "data/stability/2-5.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#E69F00" notitle
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "one-step factor E X_1^2 / X_0^2, λ = −3, μ = √3"
  set xlabel "step h"
  set ylabel "factor"
  set key top left
  plot "data/stability/3-1.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "EM: |1 + hλ|^2 + hμ^2", \
       "data/stability/3-2.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#000000" title "stability boundary", \
       "data/stability/3-3.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#0072B2" title "EM simulated (95% bars)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "E X_n^2 against t_n = nh"
  set xlabel "t"
  set ylabel "E X^2"
  set key top right
  set logscale y; set format y "10^{%T}"
  set yrange [0.0001:10000]
  plot "data/stability/4-1.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "EM, h = 0.25: exact recursion", \
       "data/stability/4-2.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#0072B2" title "EM, h = 0.25: simulated", \
       "data/stability/4-3.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#0072B2" title "EM, h = 0.5: exact recursion", \
       "data/stability/4-4.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#0072B2" title "EM, h = 0.5: simulated", \
       "data/stability/4-5.csv" using 1:2 with lines lw 2 lc rgb "#000000" title "SDE: e^{(2λ+μ^2)t}"
  unset multiplot
  set output
}
