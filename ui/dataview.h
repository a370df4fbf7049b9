#pragma once

#include "app/data/exportconversion.h"

#include <QWidget>

class DataCharts;
class DataLoader;
class GroupTableModel;
class MessageBanner;
class PreviewTableModel;
class QComboBox;
class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

// What an export's files hold, for an analyst: a summary (kind, rows, dates, counts and
// totals per currency), a sortable group-by table, charts, the first 1,000 rows, and
// exports to CSV, Excel and one file per customer. Opens on a folder of downloaded
// files; the work runs off the GUI thread and can be cancelled.
class DataView : public QWidget
{
    Q_OBJECT
public:
    explicit DataView(QWidget *parent = nullptr);
    ~DataView() override;

    // Starts reading `folder`; false when it holds no export files (the view says why).
    bool openFolder(const QString &folder);
    // Writes the loaded data; exported() follows. The buttons ask for `out` first.
    void exportTo(ExportConversion::Format format, const QString &out, bool perCustomer);

    DataLoader *loader() const { return m_loader; }
    GroupTableModel *groupModel() const { return m_groups; }
    PreviewTableModel *previewModel() const { return m_preview; }
    DataCharts *charts() const { return m_charts; }
    QTabWidget *tabs() const { return m_tabs; }
    QString summaryText() const; // every figure of the Summary tab, one per line

signals:
    void loaded();
    void exported(const ExportConversion::Result &result);

private:
    void onLoaded();
    void onConverted(const ExportConversion::Result &result);
    void showGrouping();
    void setBusy(bool busy, const QString &what = {});
    void askExport(ExportConversion::Format format, bool perCustomer);
    void addSummaryRow(const QString &label, const QString &value);

    DataLoader *m_loader;
    QLabel *m_folderLabel;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    MessageBanner *m_banner;
    QTabWidget *m_tabs;
    QFormLayout *m_summaryForm;
    QComboBox *m_groupBy;
    QTableView *m_groupTable;
    GroupTableModel *m_groups;
    QSortFilterProxyModel *m_groupProxy;
    DataCharts *m_charts;
    QTableView *m_previewTable;
    PreviewTableModel *m_preview;
    QPushButton *m_exportCsv;
    QPushButton *m_exportWorkbook;
    QPushButton *m_perCustomer;
};
