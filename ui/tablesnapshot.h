#pragma once

#include "app/exports/tableexport.h"

class QTableView;

// What the operations table shows, as a TableSnapshot: the columns not hidden, in the order
// the analyst arranged them, and the rows the filter lets through, in the current sort.
// Times and ages take their raw values (SortRole), so the files hold dates and numbers.
TableSnapshot snapshotOf(const QTableView *view, bool selectedRowsOnly);
