# Noisy posterior h(η) and its slope h′(η) for three noise models
# Data: data/noisy_posterior/*.csv. Render from this folder with: gnuplot noisy_posterior.gp
if (!exists("svgout")) svgout = "noisy_posterior.svg"
if (!exists("pngout")) pngout = "noisy_posterior.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1120,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1120,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "Noisy posterior h(η) and its slope h′(η) for three noise models"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "h(η) = P(ỹ = 1 | x)"
  set xlabel "clean posterior η"
  set ylabel "noisy posterior h(η)"
  set key top left
  set xrange [0:1]
  set yrange [0:1]
  plot "data/noisy_posterior/h_identity.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#000000" title "no noise", \
       "data/noisy_posterior/h_class_conditional.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "class-conditional", \
       "data/noisy_posterior/h_gentle.csv" using 1:2 with lines lw 2 lc rgb "#009E73" title "gentle rise (w = 0.25)", \
       "data/noisy_posterior/h_steep.csv" using 1:2 with lines lw 2 lc rgb "#CC79A7" title "steep rise (w = 0.05)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "h′(η): the ranking is kept where h′ > 0"
  set xlabel "clean posterior η"
  set ylabel "slope h′(η)"
  set key top right
  set xrange [0:1]
  set yrange [-0.8:1.4]
  plot "data/noisy_posterior/slope_zero.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#000000" title "h′ = 0", \
       "data/noisy_posterior/slope_class_conditional.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "class-conditional", \
       "data/noisy_posterior/slope_gentle.csv" using 1:2 with lines lw 2 lc rgb "#009E73" title "gentle rise", \
       "data/noisy_posterior/slope_steep.csv" using 1:2 with lines lw 2 lc rgb "#CC79A7" title "steep rise"
  unset multiplot
  set output
}
