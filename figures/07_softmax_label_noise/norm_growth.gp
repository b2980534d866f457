# Gradient descent on separable data: ‖W_t‖ and its direction
# Data: data/norm_growth/*.csv. Render from this folder with: gnuplot norm_growth.gp
if (!exists("svgout")) svgout = "norm_growth.svg"
if (!exists("pngout")) pngout = "norm_growth.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1120,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1120,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "Gradient descent on separable data: ‖W_t‖ and its direction"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "‖W_t‖ grows like ‖Ŵ‖ log t without L2"
  set xlabel "gradient step t"
  set ylabel "‖W_t‖_F"
  set key top left
  set logscale x; set format x "10^{%T}"
  plot "data/norm_growth/ce.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "CE", \
       "data/norm_growth/l2.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "CE + (λ/2)‖W‖², λ = 10⁻³", \
       "data/norm_growth/log_t.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#56B4E9" title "‖Ŵ‖ log t + const"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "the direction tends to the max-margin one"
  set xlabel "gradient step t"
  set ylabel "1 − cos(W_t, ·)"
  set key bottom left
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  plot "data/norm_growth/gap_svm.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "max-margin Ŵ", \
       "data/norm_growth/gap_centroid.csv" using 1:2 with lines lw 2 lc rgb "#009E73" title "class means"
  unset multiplot
  set output
}
