# Learned score fields against the true score ∇log p
# Data: data/score_fields/*.csv. Render from this folder with: gnuplot score_fields.gp
if (!exists("svgout")) svgout = "score_fields.svg"
if (!exists("pngout")) pngout = "score_fields.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1100,1100 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1100,1100 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 2,2 title "Learned score fields against the true score ∇log p"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "SSM (Rademacher v, n = 20000)"
  set xlabel "x_1"
  set ylabel "x_2"
  set key bottom right
  set xrange [-4.3:4.3]
  set yrange [-4.3:4.3]
  set size ratio -1
  plot "data/score_fields/1-1.csv" using 1:2:3:4 with vectors head size 0.08,20 filled lw 1 lc rgb "#000000" title "true ∇log p", \
       "data/score_fields/1-2.csv" using 1:2:3:4 with vectors head size 0.08,20 filled lw 1 lc rgb "#D55E00" title "learned"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "DSM, σ = 0.1"
  set xlabel "x_1"
  set ylabel "x_2"
  set key bottom right
  set xrange [-4.3:4.3]
  set yrange [-4.3:4.3]
  set size ratio -1
  plot "data/score_fields/2-1.csv" using 1:2:3:4 with vectors head size 0.08,20 filled lw 1 lc rgb "#000000" title "true ∇log p", \
       "data/score_fields/2-2.csv" using 1:2:3:4 with vectors head size 0.08,20 filled lw 1 lc rgb "#E69F00" title "learned"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "DSM, σ = 0.3"
  set xlabel "x_1"
  set ylabel "x_2"
  set key bottom right
  set xrange [-4.3:4.3]
  set yrange [-4.3:4.3]
  set size ratio -1
  plot "data/score_fields/3-1.csv" using 1:2:3:4 with vectors head size 0.08,20 filled lw 1 lc rgb "#000000" title "true ∇log p", \
       "data/score_fields/3-2.csv" using 1:2:3:4 with vectors head size 0.08,20 filled lw 1 lc rgb "#E69F00" title "learned"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "DSM, σ = 0.6"
  set xlabel "x_1"
  set ylabel "x_2"
  set key bottom right
  set xrange [-4.3:4.3]
  set yrange [-4.3:4.3]
  set size ratio -1
  plot "data/score_fields/4-1.csv" using 1:2:3:4 with vectors head size 0.08,20 filled lw 1 lc rgb "#000000" title "true ∇log p", \
       "data/score_fields/4-2.csv" using 1:2:3:4 with vectors head size 0.08,20 filled lw 1 lc rgb "#E69F00" title "learned"
  unset multiplot
  set output
}
