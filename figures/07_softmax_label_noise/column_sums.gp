# Gradient descent conserves Σ_k W_k; L2 shrinks it by (1 − ηλ) per step
# Data: data/column_sums/*.csv. Render from this folder with: gnuplot column_sums.gp
if (!exists("svgout")) svgout = "column_sums.svg"
if (!exists("pngout")) pngout = "column_sums.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Gradient descent conserves Σ_k W_k; L2 shrinks it by (1 − ηλ) per step"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "gradient step t"
  set ylabel "‖Σ_k W_k‖"
  set key bottom left
  set logscale y; set format y "10^{%T}"
  set yrange [1e-06:10]
  plot "data/column_sums/ce.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "CE", \
       "data/column_sums/l2.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "CE + (λ/2)‖W‖², λ = 0.05", \
       "data/column_sums/predicted.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#56B4E9" title "(1 − ηλ)^t ‖s_0‖"
  unset multiplot
  set output
}
