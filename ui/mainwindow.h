#pragma once

#include "messagebanner.h"
#include "operationfilterproxy.h"
#include "theme.h"

#include <QMainWindow>
#include <QTimer>

class AddOperationsBar;
class DetailsPanel;
class Notifier;
class OperationStyleProxy;
class OperationTableView;
class DataView;
class AccountButton;
class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class RemovalUndo;
class Session;
class StatusSummary;
class TrayIcon;

// The analyst's window onto a Session: the table of tracked operations in status colours,
// the input bar, the details of the selected operation, and the status bar. It never talks
// to the network itself; everything goes through the session's monitor.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Session *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Says, in the title and a banner, that this window shows the built-in simulator.
    void setDemoMode(const QString &description);

    // Tracks the ids found in the text; the outcome shows in the input bar and is returned.
    QString addFromText(const QString &text);
    void pasteFromClipboard();
    void refreshNow();
    void removeSelected();
    void removeFinished();
    void openNewExport();
    void checkSelectedNow();
    void copySelectedIds();
    void openSettings();
    // A Data window on a folder of export files; the selected operation's download folder
    // for showSelectedData().
    DataView *openDataView(const QString &folder);
    void openExportFolder();
    void showSelectedData();
    // File → Export table…: the visible rows and columns to .xlsx or .csv.
    void exportTable();
    bool exportTableTo(const QString &path, QString *error);
    // Edit → Copy rows: the selected rows, tab-separated with a header, for Excel.
    void copyRows();
    void copyDiagnostics();
    void setTheme(Theme::Choice choice);
    void setStateFilter(OperationFilterProxy::StateFilter filter);

    // A closable banner for news that needs no dialog; title is shown bold, both plain text.
    void showNotice(const QString &title, const QString &text, MessageBanner::Kind kind);
    // The list of tracked operations has its own banner, which no other notice replaces:
    // a list set aside or not saved is news the analyst must not miss.
    void showStoreNotice(const QString &title, const QString &text, MessageBanner::Kind kind);

    // The ids of the selected rows, in view order.
    QStringList selectedIds() const;
    // Selects and shows this operation; false when it is not tracked.
    bool selectOperation(const QString &id);

    OperationTableView *table() const { return m_table; }
    OperationStyleProxy *styleProxy() const { return m_styleProxy; }
    OperationFilterProxy *sortProxy() const { return m_sortProxy; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *quickFilter() const { return m_quickFilter; }
    // "312 of 10,000", shown while a filter hides rows.
    QLabel *filterCount() const { return m_filterCount; }
    TrayIcon *trayIcon() const { return m_tray; }
    DetailsPanel *detailsPanel() const { return m_details; }
    AddOperationsBar *addBar() const { return m_addBar; }
    StatusSummary *statusSummary() const { return m_summary; }
    MessageBanner *noticeBanner() const { return m_noticeBanner; }
    MessageBanner *storeBanner() const { return m_storeBanner; }
    Notifier *notifier() const { return m_notifier; }
    RemovalUndo *removal() const { return m_removal; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void setUpTable();
    void restoreLayout();
    void saveLayout();
    void onCurrentRowChanged();
    void onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void onSourceRowsRemoved();
    void onActivityChanged();
    void onTick();
    void showTableContextMenu(const QPoint &position);
    void showHeaderContextMenu(const QPoint &position);
    void updateActions();
    void updatePlaceholder();
    void applyPalette();
    void updateFilterCount();
    void quit();

    Session *m_session;
    OperationStyleProxy *m_styleProxy;
    OperationFilterProxy *m_sortProxy;
    OperationTableView *m_table;
    DetailsPanel *m_details;
    AddOperationsBar *m_addBar;
    QSplitter *m_splitter;
    MessageBanner *m_demoBanner;
    MessageBanner *m_offlineBanner;
    MessageBanner *m_noticeBanner;
    MessageBanner *m_storeBanner;
    StatusSummary *m_summary;
    Notifier *m_notifier;
    RemovalUndo *m_removal;
    QLineEdit *m_filter;
    AccountButton *m_account = nullptr;
    QComboBox *m_quickFilter;
    QLabel *m_filterCount;
    TrayIcon *m_tray;
    bool m_quitting = false;
    QTimer m_tick;
    int m_ticks = 0;
    QString m_detailsId;

    QAction *m_refreshAction = nullptr;
    QAction *m_checkAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_removeFinishedAction = nullptr;
    QAction *m_newExportAction = nullptr;
    QAction *m_openFolderAction = nullptr;
    QAction *m_showDataAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_copyIdsAction = nullptr;
    QAction *m_copyLinkAction = nullptr;
    QAction *m_pasteAction = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_filterAction = nullptr;
    QAction *m_detailsAction = nullptr;
    QAction *m_showAction = nullptr;
    QAction *m_exportTableAction = nullptr;
    QAction *m_copyRowsAction = nullptr;
    QAction *m_editLabelAction = nullptr;
    QAction *m_filterCountAction = nullptr;
    QActionGroup *m_themeGroup = nullptr;
};
