# Conditional scores ∇log p(x_t | x_0) scatter around the marginal score ∇log p_t
# Data: data/scores_scatter/*.csv. Render from this folder with: gnuplot scores_scatter.gp
if (!exists("svgout")) svgout = "scores_scatter.svg"
if (!exists("pngout")) pngout = "scores_scatter.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1500,420 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1500,420 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,3 title "Conditional scores ∇log p(x_t | x_0) scatter around the marginal score ∇log p_t"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "t = 0.05  (v_t = 0.095)"
  set xlabel "x_t"
  set ylabel "score"
  set key below horizontal center maxcols 1; set bmargin 6
  set xrange [-3.5:3.5]
  set yrange [-11.3457950944:11.3457950944]
  plot "data/scores_scatter/conditional_t1.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#E69F00" title "conditional ∇log p(x_t | x_0)", \
       "data/scores_scatter/marginal_t1.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "marginal ∇log p_t"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "t = 0.3  (v_t = 0.451)"
  set xlabel "x_t"
  set ylabel "score"
  set key below horizontal center maxcols 1; set bmargin 6
  set xrange [-3.5:3.5]
  set yrange [-5.21061636332:5.21061636332]
  plot "data/scores_scatter/conditional_t2.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#E69F00" title "conditional ∇log p(x_t | x_0)", \
       "data/scores_scatter/marginal_t2.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "marginal ∇log p_t"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "t = 1  (v_t = 0.865)"
  set xlabel "x_t"
  set ylabel "score"
  set key top right
  set xrange [-3.5:3.5]
  set yrange [-3.76395285886:3.76395285886]
  plot "data/scores_scatter/conditional_t3.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#E69F00" title "conditional ∇log p(x_t | x_0)", \
       "data/scores_scatter/marginal_t3.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "marginal ∇log p_t"
  unset multiplot
  set output
}
