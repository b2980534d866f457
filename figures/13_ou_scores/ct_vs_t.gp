# The constant C_t = L_{cond} − L_{marg} against t, and weighted by λ(t) = v_t
# Data: data/ct_vs_t/*.csv. Render from this folder with: gnuplot ct_vs_t.gp
if (!exists("svgout")) svgout = "ct_vs_t.svg"
if (!exists("pngout")) pngout = "ct_vs_t.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1120,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1120,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "The constant C_t = L_{cond} − L_{marg} against t, and weighted by λ(t) = v_t"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "C_t on log–log axes"
  set xlabel "time t"
  set ylabel "C_t"
  set key bottom left
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  plot "data/ct_vs_t/exact.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "exact 1/v_t − J(p_t)", \
       "data/ct_vs_t/inverse_v.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#56B4E9" title "1/v_t", \
       "data/ct_vs_t/monte_carlo.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#D55E00" title "Monte Carlo (13.4) ± 1 se"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "v_t C_t: the loss weighted by λ(t) = v_t"
  set xlabel "time t"
  set ylabel "v_t C_t"
  set key top right
  set logscale x; set format x "10^{%T}"
  set yrange [0:1.05]
  plot "data/ct_vs_t/weighted.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "exact v_t C_t"
  unset multiplot
  set output
}
