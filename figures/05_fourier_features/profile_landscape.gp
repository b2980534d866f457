# Profile loss L(ω) of a daily cycle seen for 4 days, with gradient-descent runs from six starts
# Data: data/profile_landscape/*.csv. Render from this folder with: gnuplot profile_landscape.gp
if (!exists("svgout")) svgout = "profile_landscape.svg"
if (!exists("pngout")) pngout = "profile_landscape.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1200,450 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1200,450 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "Profile loss L(ω) of a daily cycle seen for 4 days, with gradient-descent runs from six starts"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "the whole landscape"
  set xlabel "angular frequency ω (rad/h)"
  set ylabel "profile loss L(ω)"
  set key bottom right
  set xrange [0.02:1.2]
  plot "data/profile_landscape/profile1.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "L(ω) = min_{a,b} ℓ(a, b, ω)", \
       "data/profile_landscape/run1_1.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" title "gradient descent (start to end)", \
       "data/profile_landscape/run2_1.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" notitle, \
       "data/profile_landscape/run3_1.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" notitle, \
       "data/profile_landscape/run4_1.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" notitle, \
       "data/profile_landscape/run5_1.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" notitle, \
       "data/profile_landscape/run6_1.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" notitle
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "zoom on the side lobes"
  set xlabel "angular frequency ω (rad/h)"
  set ylabel "profile loss L(ω)"
  set key top right
  set xrange [0.02:1.2]
  set yrange [0.59:0.635]
  plot "data/profile_landscape/profile2.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "L(ω) = min_{a,b} ℓ(a, b, ω)", \
       "data/profile_landscape/run1_2.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" title "gradient descent (start to end)", \
       "data/profile_landscape/run2_2.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" notitle, \
       "data/profile_landscape/run3_2.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" notitle, \
       "data/profile_landscape/run4_2.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" notitle, \
       "data/profile_landscape/run5_2.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" notitle, \
       "data/profile_landscape/run6_2.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" notitle
  unset multiplot
  set output
}
