// Figures: a small plotting API that writes the CSV data behind every series and a
// readable gnuplot script, then renders SVG (and PNG with the cairo terminal).
//
//   wb::Figure fig("ct_vs_t", "C_t against t");
//   fig.panel().xlabel("t").ylabel("C_t").logy().line(t, c, "closed form");
//   section.save(fig);
//
// All figures share one house style: the Okabe-Ito colour-blind-safe palette,
// labelled axes, a legend, and a named font (DejaVu Sans, Debian's fonts-dejavu-core)
// so the PNG does not depend on what fontconfig finds.
//
// Files (under the chapter's --out folder):
//   NAME.gp, NAME.svg, NAME.png      the script and what it renders
//   data/NAME/P-S.csv                series S of panel P (1-based), or data/NAME/ID.csv
//                                    when the series is given an id: .line(...).id("exact")
//   data/NAME/figure.json            the manifest: title, panels, and each series' file and label
// Numbers are written with 12 significant digits, so last-bit differences between
// CPUs (BLAS kernels, FMA) do not rewrite committed files. Writing a figure removes
// the data files of that figure it did not write (renamed or dropped series).
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <xtensor/xtensor.hpp>

namespace wb {

// A column of numbers, built from a std::vector or a 1-D xtensor.
struct Column {
    std::vector<double> v;
    Column(std::vector<double> x) : v(std::move(x)) {}
    Column(const xt::xtensor<double, 1>& x) : v(x.begin(), x.end()) {}
    Column(std::initializer_list<double> x) : v(x) {}
};

enum class SeriesKind { Line, Points, LinePoints, ErrorBars, Steps, Vectors, Band, Heatmap, Dashed };

struct Series {
    SeriesKind kind;
    std::string label;
    std::vector<std::string> columns;  // header names
    std::vector<std::vector<double>> data;
    int colour = -1;  // index into the palette; -1 = next
    std::string id;   // file name stem; empty = "P-S" (panel and series index)
};

// Where a panel's legend goes. Best picks the inside corner whose box covers the
// fewest data points (and Below when every corner would cover some); Outside puts
// it right of the plot, Below under it, None hides it.
enum class KeyPlace { TopRight, TopLeft, BottomRight, BottomLeft, Best, Outside, Below, None };

class Panel {
public:
    Panel& title(std::string s) { title_ = std::move(s); return *this; }
    Panel& xlabel(std::string s) { xlabel_ = std::move(s); return *this; }
    Panel& ylabel(std::string s) { ylabel_ = std::move(s); return *this; }
    Panel& logx() { logx_ = true; return *this; }
    Panel& logy() { logy_ = true; return *this; }
    Panel& xrange(double a, double b) { xr_ = {a, b}; has_xr_ = true; return *this; }
    Panel& yrange(double a, double b) { yr_ = {a, b}; has_yr_ = true; return *this; }
    Panel& equal_aspect() { square_ = true; return *this; }
    // Raw gnuplot key placement ("top left", "outside right"); prefer key(KeyPlace).
    Panel& key(std::string where) { key_ = std::move(where); place_ = KeyPlace::TopRight; return *this; }
    Panel& key(KeyPlace where) { place_ = where; key_.clear(); return *this; }
    // Names the series added last (its data file becomes data/NAME/ID.csv); ids are
    // letters, digits, '_' and '-', unique within the figure.
    Panel& id(std::string series_id);

    Panel& line(Column x, Column y, std::string label, int colour = -1);
    Panel& dashed(Column x, Column y, std::string label, int colour = -1);
    Panel& points(Column x, Column y, std::string label, int colour = -1);
    Panel& linepoints(Column x, Column y, std::string label, int colour = -1);
    Panel& errorbars(Column x, Column y, Column err, std::string label, int colour = -1);
    // Histogram drawn as steps from bin edges (size n+1) and heights (size n).
    Panel& steps(Column edges, Column heights, std::string label, int colour = -1);
    Panel& vectors(Column x, Column y, Column dx, Column dy, std::string label, int colour = -1);
    // A shaded band between lo and hi.
    Panel& band(Column x, Column lo, Column hi, std::string label, int colour = -1);
    // z(i, j) at (x[j], y[i]) drawn as an image; only one per panel.
    Panel& heatmap(Column x, Column y, const xt::xtensor<double, 2>& z, std::string label);

    const std::vector<Series>& series() const { return series_; }

private:
    friend class Figure;
    Panel& add(SeriesKind k, std::string label, int colour, std::vector<std::string> cols,
               std::vector<std::vector<double>> data);
    // The gnuplot `set key` argument, for a panel of panel_px (width, height) pixels.
    std::string key_spec(std::pair<double, double> panel_px) const;
    std::string title_, xlabel_, ylabel_, key_ = "top right";
    KeyPlace place_ = KeyPlace::TopRight;
    bool logx_ = false, logy_ = false, has_xr_ = false, has_yr_ = false, square_ = false;
    std::pair<double, double> xr_{0, 1}, yr_{0, 1};
    std::vector<Series> series_;
};

class Figure {
public:
    // A figure with rows x cols panels; `name` becomes the file name.
    Figure(std::string name, std::string title, int rows = 1, int cols = 1);
    Panel& panel(int i = 0);
    Figure& size(int width_px, int height_px);
    const std::string& name() const { return name_; }
    const std::string& title() const { return title_; }

    // Writes data/NAME/*.csv, data/NAME/figure.json and NAME.gp under dir (each
    // atomically) and removes stale data files of this figure. Returns the gnuplot
    // script path. Rendering is done by render_figures().
    std::filesystem::path write(const std::filesystem::path& dir) const;

private:
    std::string name_, title_;
    int rows_, cols_, width_, height_;
    std::vector<Panel> panels_;
};

// Renders the scripts (in one gnuplot process) to NAME.svg and NAME.png, each
// written to a temporary name first and renamed into place. Returns false and
// explains on stderr when gnuplot is missing or fails; the data and scripts stay.
bool render_figures(const std::filesystem::path& dir, const std::vector<std::string>& names);

// After a full run: removes the figures under dir (NAME.gp/.svg/.png and data/NAME/)
// that are not in `names`, and data files of the old layout (data/*.csv), so what is
// on disk is exactly what the run wrote. Returns the removed paths.
std::vector<std::filesystem::path> prune_figures(const std::filesystem::path& dir,
                                                 const std::vector<std::string>& names);

// A number as written to data files: 12 significant digits ("NaN", "Inf", "-Inf").
std::string format_number(double x);

}  // namespace wb
