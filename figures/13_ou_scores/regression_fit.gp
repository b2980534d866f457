# Least squares on conditional targets finds the marginal score (t = 0.3)
# Data: data/regression_fit/*.csv. Render from this folder with: gnuplot regression_fit.gp
if (!exists("svgout")) svgout = "regression_fit.svg"
if (!exists("pngout")) pngout = "regression_fit.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 900,520 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 900,520 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Least squares on conditional targets finds the marginal score (t = 0.3)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "x_t"
  set ylabel "score"
  set key top right
  set xrange [-3.5:3.5]
  set yrange [-12:12]
  plot "data/regression_fit/targets.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#E69F00" title "conditional targets ∇log p(x_t | x_0)", \
       "data/regression_fit/marginal.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "marginal score ∇log p_t", \
       "data/regression_fit/fit.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#009E73" title "least-squares fit s_φ", \
       "data/regression_fit/data_score.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#CC79A7" title "data score ∇log p_0"
  unset multiplot
  set output
}
