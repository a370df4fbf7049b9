#pragma once

#include <QString>

// Checked before anything is written for the analyst (an inflated copy, a CSV, a
// workbook): a symbolic link at the path is refused, since writing through it would
// overwrite a file elsewhere, and the disk must have room for what is known of the size.
namespace OutputSafety {

// Empty when `path` may be written, else why not, e.g. "x.csv is a symbolic link; ...".
// `neededBytes` <= 0 skips the space check.
QString problem(const QString &path, qint64 neededBytes);

} // namespace OutputSafety
