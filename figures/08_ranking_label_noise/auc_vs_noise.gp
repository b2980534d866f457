# AUC against noise strength (solid: clean labels, dashed: noisy labels)
# Data: data/auc_vs_noise/*.csv. Render from this folder with: gnuplot auc_vs_noise.gp
if (!exists("svgout")) svgout = "auc_vs_noise.svg"
if (!exists("pngout")) pngout = "auc_vs_noise.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "AUC against noise strength (solid: clean labels, dashed: noisy labels)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "noise strength: rise of ρ₁ (class-conditional: ρ₁)"
  set ylabel "AUC"
  set key below horizontal center maxcols 1; set bmargin 11
  set yrange [0.6:0.9]
  plot "data/auc_vs_noise/cc_clean.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" title "class-conditional, clean", \
       "data/auc_vs_noise/gentle_clean.csv" using 1:2 with lines lw 2 lc rgb "#009E73" title "gentle, clean", \
       "data/auc_vs_noise/steep_clean.csv" using 1:2 with lines lw 2 lc rgb "#CC79A7" title "steep, clean", \
       "data/auc_vs_noise/steep_sample.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#CC79A7" title "steep, clean, sample ± 2 se", \
       "data/auc_vs_noise/cc_noisy.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#D55E00" title "η, noisy (class-conditional)", \
       "data/auc_vs_noise/steep_noisy.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#E69F00" title "η, noisy (steep)", \
       "data/auc_vs_noise/threshold.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#000000" title "steep: threshold r*"
  unset multiplot
  set output
}
