# DSM: excess Fisher divergence to ∇log p against σ
# Data: data/dsm_bias/*.csv. Render from this folder with: gnuplot dsm_bias.gp
if (!exists("svgout")) svgout = "dsm_bias.svg"
if (!exists("pngout")) pngout = "dsm_bias.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "DSM: excess Fisher divergence to ∇log p against σ"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "noise level σ"
  set ylabel "J(θ) − J(θ*)"
  set key below horizontal center maxcols 1; set bmargin 7
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  plot "data/dsm_bias/1-1.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#F0E442" title "population minimiser θ*_σ (bias)", \
       "data/dsm_bias/1-2.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#E69F00" notitle, \
       "data/dsm_bias/1-3.csv" using 1:2 with lines lw 2 lc rgb "#E69F00" title "DSM fit on n = 1000 samples (mean of 32)", \
       "data/dsm_bias/1-4.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#000000" title "∝ σ⁴"
  unset multiplot
  set output
}
