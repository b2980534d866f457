# Gradient magnitude |d loss/dz| against the predicted probability p (y = 1)
# Data: data/gradient_vs_p/*.csv. Render from this folder with: gnuplot gradient_vs_p.gp
if (!exists("svgout")) svgout = "gradient_vs_p.svg"
if (!exists("pngout")) pngout = "gradient_vs_p.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Gradient magnitude |d loss/dz| against the predicted probability p (y = 1)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "predicted probability p of the true class"
  set ylabel "|d loss / dz|"
  set key top right
  set yrange [0:1.6]
  plot "data/gradient_vs_p/ce.csv" using 1:2 with lines lw 2 lc rgb "#CC79A7" title "cross-entropy: 1 − p", \
       "data/gradient_vs_p/mse.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "MSE on σ: (1 − p) p (1 − p)", \
       "data/gradient_vs_p/focal_1.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#56B4E9" title "focal, γ = 0.5", \
       "data/gradient_vs_p/focal_4.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#009E73" title "focal, γ = 2", \
       "data/gradient_vs_p/focal_10.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#D55E00" title "focal, γ = 5"
  unset multiplot
  set output
}
