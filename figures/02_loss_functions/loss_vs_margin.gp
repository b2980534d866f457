# Losses against the margin yz (labels ±1; regression residual 1 − yz)
# Data: data/loss_vs_margin/*.csv. Render from this folder with: gnuplot loss_vs_margin.gp
if (!exists("svgout")) svgout = "loss_vs_margin.svg"
if (!exists("pngout")) pngout = "loss_vs_margin.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1100,460 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1100,460 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "Losses against the margin yz (labels ±1; regression residual 1 − yz)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "regression losses and cross-entropy"
  set xlabel "margin y z"
  set ylabel "loss"
  set key top right
  set yrange [0:6]
  plot "data/loss_vs_margin/mse.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "MSE (1 − yz)²", \
       "data/loss_vs_margin/mae.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "MAE |1 − yz|", \
       "data/loss_vs_margin/huber.csv" using 1:2 with lines lw 2 lc rgb "#009E73" title "Huber (δ = 1)", \
       "data/loss_vs_margin/ce.csv" using 1:2 with lines lw 2 lc rgb "#CC79A7" title "cross-entropy log(1 + e^{−yz})"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "focal loss, no α weighting"
  set xlabel "margin y z"
  set ylabel "loss"
  set key top right
  set yrange [0:3.5]
  plot "data/loss_vs_margin/gamma_0.csv" using 1:2 with lines lw 2 lc rgb "#CC79A7" title "γ = 0 (= CE)", \
       "data/loss_vs_margin/gamma_1.csv" using 1:2 with lines lw 2 lc rgb "#56B4E9" title "γ = 0.5", \
       "data/loss_vs_margin/gamma_2.csv" using 1:2 with lines lw 2 lc rgb "#F0E442" title "γ = 1", \
       "data/loss_vs_margin/gamma_3.csv" using 1:2 with lines lw 2 lc rgb "#009E73" title "γ = 2", \
       "data/loss_vs_margin/gamma_4.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "γ = 5"
  unset multiplot
  set output
}
