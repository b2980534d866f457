# Decision regions: fitted P(y = 1 | x) of four classifiers on three data sets
# Data: data/boundaries/*.csv. Render from this folder with: gnuplot boundaries.gp
if (!exists("svgout")) svgout = "boundaries.svg"
if (!exists("pngout")) pngout = "boundaries.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1600,1150 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1600,1150 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 3,4 title "Decision regions: fitted P(y = 1 | x) of four classifiers on three data sets"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "LDA: Gaussian blobs"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-4.5:4.5]
  set yrange [-3.5:3.5]
  plot "data/boundaries/posterior_1.csv" using 1:2:3 with image title "P(y = 1 | x)", \
       "data/boundaries/class0_1.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#009E73" title "class 0", \
       "data/boundaries/class1_1.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "class 1"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "QDA: Gaussian blobs"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-4.5:4.5]
  set yrange [-3.5:3.5]
  plot "data/boundaries/posterior_2.csv" using 1:2:3 with image title "P(y = 1 | x)", \
       "data/boundaries/class0_2.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#009E73" title "class 0", \
       "data/boundaries/class1_2.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "class 1"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "logistic regression: Gaussian blobs"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-4.5:4.5]
  set yrange [-3.5:3.5]
  plot "data/boundaries/posterior_3.csv" using 1:2:3 with image title "P(y = 1 | x)", \
       "data/boundaries/class0_3.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#009E73" title "class 0", \
       "data/boundaries/class1_3.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "class 1"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "15-NN: Gaussian blobs"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-4.5:4.5]
  set yrange [-3.5:3.5]
  plot "data/boundaries/posterior_4.csv" using 1:2:3 with image title "P(y = 1 | x)", \
       "data/boundaries/class0_4.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#009E73" title "class 0", \
       "data/boundaries/class1_4.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "class 1"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "LDA: ring around a core"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-5:5]
  set yrange [-5:5]
  plot "data/boundaries/posterior_5.csv" using 1:2:3 with image title "P(y = 1 | x)", \
       "data/boundaries/class0_5.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#009E73" title "class 0", \
       "data/boundaries/class1_5.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "class 1"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "QDA: ring around a core"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-5:5]
  set yrange [-5:5]
  plot "data/boundaries/posterior_6.csv" using 1:2:3 with image title "P(y = 1 | x)", \
       "data/boundaries/class0_6.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#009E73" title "class 0", \
       "data/boundaries/class1_6.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "class 1"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "logistic regression: ring around a core"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-5:5]
  set yrange [-5:5]
  plot "data/boundaries/posterior_7.csv" using 1:2:3 with image title "P(y = 1 | x)", \
       "data/boundaries/class0_7.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#009E73" title "class 0", \
       "data/boundaries/class1_7.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "class 1"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "15-NN: ring around a core"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-5:5]
  set yrange [-5:5]
  plot "data/boundaries/posterior_8.csv" using 1:2:3 with image title "P(y = 1 | x)", \
       "data/boundaries/class0_8.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#009E73" title "class 0", \
       "data/boundaries/class1_8.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "class 1"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "LDA: two moons"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-1.8:2.8]
  set yrange [-1.5:2]
  plot "data/boundaries/posterior_9.csv" using 1:2:3 with image title "P(y = 1 | x)", \
       "data/boundaries/class0_9.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#009E73" title "class 0", \
       "data/boundaries/class1_9.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "class 1"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "QDA: two moons"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-1.8:2.8]
  set yrange [-1.5:2]
  plot "data/boundaries/posterior_10.csv" using 1:2:3 with image title "P(y = 1 | x)", \
       "data/boundaries/class0_10.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#009E73" title "class 0", \
       "data/boundaries/class1_10.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "class 1"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "logistic regression: two moons"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-1.8:2.8]
  set yrange [-1.5:2]
  plot "data/boundaries/posterior_11.csv" using 1:2:3 with image title "P(y = 1 | x)", \
       "data/boundaries/class0_11.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#009E73" title "class 0", \
       "data/boundaries/class1_11.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "class 1"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "15-NN: two moons"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-1.8:2.8]
  set yrange [-1.5:2]
  plot "data/boundaries/posterior_12.csv" using 1:2:3 with image title "P(y = 1 | x)", \
       "data/boundaries/class0_12.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#009E73" title "class 0", \
       "data/boundaries/class1_12.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "class 1"
  unset multiplot
  set output
}
