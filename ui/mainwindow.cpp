#include "mainwindow.h"

#include "models/timetext.h"

#include "accountbutton.h"
#include "addoperationsbar.h"
#include "app/appsettings.h"
#include "app/data/dataloader.h"
#include "app/downloads/downloadfolders.h"
#include "app/exports/exportstarter.h"
#include "app/graph/graphclient.h"
#include "app/polling/operationmonitor.h"
#include "app/session.h"
#include "app/store/operationstore.h"
#include "dataview.h"
#include "detailspanel.h"
#include "helpdialogs.h"
#include "manifestpanel.h"
#include "messagebanner.h"
#include "models/operationtablemodel.h"
#include "newexportdialog.h"
#include "notifier.h"
#include "operationstyleproxy.h"
#include "operationtableview.h"
#include "removalundo.h"
#include "settingsdialog.h"
#include "statusbarwidgets.h"
#include "statusicons.h"
#include "tablesnapshot.h"
#include "trayicon.h"
#include "uiresources.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

namespace {

constexpr int StatusMessageMs = 8000;
// Age changes every second, but repainting every row's age that often buys nothing.
constexpr int TimeColumnsEveryTicks = 5;

} // namespace

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_styleProxy(new OperationStyleProxy(this))
    , m_sortProxy(new OperationFilterProxy(this))
    , m_table(new OperationTableView)
    , m_details(new DetailsPanel)
    , m_addBar(new AddOperationsBar)
    , m_splitter(new QSplitter(Qt::Horizontal))
    , m_demoBanner(new MessageBanner(MessageBanner::Kind::Information))
    , m_offlineBanner(new MessageBanner(MessageBanner::Kind::Warning))
    , m_noticeBanner(new MessageBanner(MessageBanner::Kind::Positive))
    , m_storeBanner(new MessageBanner(MessageBanner::Kind::Warning))
    , m_summary(new StatusSummary(session->model(), session->monitor()))
    , m_removal(new RemovalUndo(session->model(), this))
    , m_filter(new QLineEdit)
    , m_quickFilter(new QComboBox)
    , m_filterCount(new QLabel)
    , m_tray(new TrayIcon(m_summary, this))
{
    initUiResources();
    m_notifier = new Notifier(session->model(), m_tray->systemTrayIcon(), this);
    // Ends with the application's display name, so the platform does not append it again.
    setWindowTitle(tr("Billing Monitor"));
    setWindowIcon(StatusIcons::appIcon());
    setObjectName(QStringLiteral("mainWindow"));

    m_styleProxy->setSourceModel(session->model());
    m_styleProxy->setPalette(palette());
    m_sortProxy->setSourceModel(m_styleProxy);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->setSpacing(6);
    m_demoBanner->setVisible(false);
    m_demoBanner->setObjectName(QStringLiteral("demoBanner"));
    m_offlineBanner->setVisible(false);
    m_offlineBanner->setObjectName(QStringLiteral("offlineBanner"));
    m_offlineBanner->setText(
        tr("<b>Offline.</b> Graph cannot be reached, so checks are paused. The table shows "
           "the last known status; checking resumes by itself when the network is back."));
    m_noticeBanner->setVisible(false);
    m_noticeBanner->setClosable(true);
    m_noticeBanner->setObjectName(QStringLiteral("noticeBanner"));
    m_storeBanner->setVisible(false);
    m_storeBanner->setClosable(true);
    m_storeBanner->setObjectName(QStringLiteral("storeBanner"));
    layout->addWidget(m_storeBanner);
    layout->addWidget(m_demoBanner);
    layout->addWidget(m_offlineBanner);
    layout->addWidget(m_noticeBanner);
    layout->addWidget(m_addBar);

    setUpTable();
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(true);
    m_splitter->setCollapsible(0, false);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    createActions();
    createMenus();
    createToolBar();
    layout->insertWidget(0, m_account->banner());
    statusBar()->addPermanentWidget(m_account->renewalLabel());
    statusBar()->addPermanentWidget(m_summary);

    auto *manifestPanel = new ManifestPanel(session->manifestLoader(), session->downloads());
    m_details->setManifestWidget(manifestPanel);
    connect(m_details, &DetailsPanel::operationShown, manifestPanel, &ManifestPanel::showOperation);
    connect(manifestPanel, &ManifestPanel::messageForStatusBar, this,
            [this](const QString &message) { statusBar()->showMessage(message, StatusMessageMs); });

    connect(m_addBar, &AddOperationsBar::addRequested, this, &MainWindow::addFromText);
    connect(m_details, &DetailsPanel::checkNowRequested, this, [this](const QString &id) {
        const QString message = m_session->monitor()->checkNow(id);
        statusBar()->showMessage(message.isEmpty() ? tr("Checking %1 now…").arg(id) : message,
                                 StatusMessageMs);
    });
    connect(m_details, &DetailsPanel::messageForStatusBar, this,
            [this](const QString &message) { statusBar()->showMessage(message, StatusMessageMs); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onCurrentRowChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onCurrentRowChanged);
    connect(session->model(), &QAbstractItemModel::dataChanged, this,
            &MainWindow::onSourceDataChanged);
    connect(session->model(), &QAbstractItemModel::rowsRemoved, this,
            &MainWindow::onSourceRowsRemoved);
    connect(session->model(), &QAbstractItemModel::rowsInserted, this, &MainWindow::updateActions);
    connect(session->monitor(), &OperationMonitor::activityChanged, this,
            &MainWindow::onActivityChanged);
    connect(m_notifier, &Notifier::inWindowMessage, this,
            [this](const QString &title, const QString &text, bool anyFailed) {
                showNotice(title + u'.', text,
                           anyFailed ? MessageBanner::Kind::Error : MessageBanner::Kind::Positive);
            });
    const auto tellLocationsElsewhere = [this, session](const QStringList &ids) {
        showNotice(tr("%n operation(s) gave an address on another host.", "", int(ids.size())),
                   tr("Their Location is not on the configured Graph (%1), so it is never "
                      "requested: they are checked there by id instead. The Location is kept in "
                      "the id's tooltip. First: %2")
                       .arg(session->client()->endpoint().root().toString(), ids.first()),
                   MessageBanner::Kind::Warning);
    };
    connect(session->monitor(), &OperationMonitor::locationsElsewhere, this,
            tellLocationsElsewhere);
    if (const QStringList ids = session->monitor()->idsWithLocationElsewhere(); !ids.isEmpty())
        tellLocationsElsewhere(ids);
    connect(session->exportStarter(), &ExportStarter::exportStarted, this,
            [this](const QString &id, const QString &label) {
                selectOperation(id);
                statusBar()->showMessage(tr("Graph accepted the export %1; it is tracked now.")
                                             .arg(label.isEmpty() ? id : label),
                                         StatusMessageMs);
            });
    // The dialog shows refusals while it is open; one that arrives after it closed would
    // otherwise go unseen.
    connect(session->exportStarter(), &ExportStarter::exportFailed, this,
            [this](const Problem &problem) {
                if (!findChild<NewExportDialog *>())
                    showNotice(tr("The export was not started."),
                               ExportStarter::failureText(problem), MessageBanner::Kind::Error);
            });
    if (OperationStore *store = session->store()) {
        connect(store, &OperationStore::loadFinished, this, [this](const QString &message) {
            if (!message.isEmpty())
                showStoreNotice(tr("Saved operations."), message, MessageBanner::Kind::Warning);
        });
        connect(store, &OperationStore::saveFailed, this, [this](const QString &message) {
            showStoreNotice(tr("The list of operations could not be saved."), message,
                            MessageBanner::Kind::Error);
        });
        connect(store, &OperationStore::savingResumed, this, [this] {
            m_storeBanner->hide();
            statusBar()->showMessage(tr("Saving works again."), StatusMessageMs);
        });
        connect(store, &OperationStore::addedElsewhere, this, [this](const QStringList &ids) {
            statusBar()->showMessage(
                tr("Operations added by another program: %n.", nullptr, int(ids.size())),
                StatusMessageMs);
        });
    }
    connect(m_tray, &TrayIcon::activated, m_showAction, &QAction::trigger);
    connect(m_noticeBanner, &MessageBanner::closed, m_notifier, &Notifier::acknowledge);
    connect(m_removal, &RemovalUndo::restored, this, [this](const QStringList &ids) {
        QItemSelection selection;
        for (const QString &id : ids) {
            const QModelIndex index = m_sortProxy->mapFromSource(m_styleProxy->mapFromSource(
                m_session->model()->index(m_session->model()->rowOf(id), 0)));
            if (index.isValid())
                selection.select(index, index);
        }
        if (!selection.isEmpty()) {
            m_table->selectionModel()->setCurrentIndex(selection.first().topLeft(),
                                                       QItemSelectionModel::NoUpdate);
            m_table->selectionModel()->select(
                selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_table->scrollTo(selection.first().topLeft());
        }
        // Replaces "Ctrl+Z brings them back", which no longer holds.
        statusBar()->showMessage(tr("Brought back %Ln operation(s).", nullptr, int(ids.size())),
                                 StatusMessageMs);
    });
    m_tray->setActions(m_showAction, m_refreshAction, m_newExportAction, m_quitAction);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_sortProxy, signal, this, &MainWindow::updateFilterCount);
        connect(session->model(), signal, this, &MainWindow::updateFilterCount);
    }
    connect(m_sortProxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateFilterCount);
    connect(m_sortProxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateFilterCount);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &MainWindow::onTick);
    m_tick.start();

    restoreLayout();
    updatePlaceholder();
    updateFilterCount();
    onActivityChanged();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::setUpTable()
{
    m_table->setObjectName(QStringLiteral("operationsTable"));
    m_table->setAccessibleName(tr("Tracked operations"));
    m_table->setModel(m_sortProxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->setWordWrap(false);
    // Tab leaves the table for the next control; the arrow keys move between cells.
    m_table->setTabKeyNavigation(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->elideColumnAtEnd(OperationTableModel::ResultColumn);
    m_table->setShowGrid(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    connect(m_table, &QWidget::customContextMenuRequested, this, &MainWindow::showTableContextMenu);

    // Fixed row heights: the view never measures rows, which keeps 10 000 of them smooth.
    QHeaderView *rows = m_table->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 10);
    rows->hide();

    QHeaderView *columns = m_table->horizontalHeader();
    columns->setSectionsMovable(true);
    columns->setHighlightSections(false);
    columns->setStretchLastSection(true);
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setSortIndicatorClearable(true);
    columns->setSortIndicator(-1, Qt::AscendingOrder);
    const QFontMetrics metrics = fontMetrics();
    const auto width = [&metrics](const QString &sample) {
        return metrics.horizontalAdvance(sample) + 16;
    };
    // Sized for their usual content, not measured per row, which would read every row.
    const QString sampleTime = TimeText::local(QDateTime(QDate(2026, 12, 28), QTime(23, 58, 59)));
    columns->resizeSection(OperationTableModel::IdColumn,
                           width(QStringLiteral("00000000-0000-0000-0000-000000000000")));
    columns->resizeSection(OperationTableModel::LabelColumn,
                           width(QStringLiteral("Demo: succeeds after 40 s")));
    columns->resizeSection(OperationTableModel::StatusColumn,
                           width(TrackedOperation().statusLabel()) + 24);
    columns->resizeSection(OperationTableModel::CreatedColumn, width(sampleTime));
    columns->resizeSection(OperationTableModel::LastActionColumn, width(sampleTime));
    columns->resizeSection(OperationTableModel::AgeColumn, width(QStringLiteral("Age / duration")));
    columns->resizeSection(OperationTableModel::LastCheckedColumn, width(sampleTime));
    // The details panel shows when it was last checked; the column is there for sorting.
    columns->hideSection(OperationTableModel::LastCheckedColumn);
    columns->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(columns, &QWidget::customContextMenuRequested, this,
            &MainWindow::showHeaderContextMenu);
    m_table->setSortingEnabled(true);
}

void MainWindow::createActions()
{
    m_addAction = new QAction(tr("&Add Operations…"), this);
    m_addAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_addAction->setToolTip(tr("Type or paste operation ids into the input bar (Ctrl+L)"));
    connect(m_addAction, &QAction::triggered, this, [this] {
        m_addBar->input()->setFocus(Qt::ShortcutFocusReason);
        m_addBar->input()->selectAll();
    });

    // Ctrl+V anywhere adds what the clipboard holds; a focused line edit keeps its own paste,
    // because it claims the key before window shortcuts see it.
    m_pasteAction = new QAction(tr("&Paste Operation Ids"), this);
    m_pasteAction->setShortcut(QKeySequence::Paste);
    m_pasteAction->setShortcutContext(Qt::WindowShortcut);
    m_pasteAction->setToolTip(tr("Track the operation ids on the clipboard (Ctrl+V)"));
    connect(m_pasteAction, &QAction::triggered, this, &MainWindow::pasteFromClipboard);

    m_refreshAction = new QAction(tr("&Refresh Now"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setToolTip(tr("Check every running operation now (F5)"));
    m_refreshAction->setIcon(QIcon::fromTheme(QStringLiteral("view-refresh"),
                                              style()->standardIcon(QStyle::SP_BrowserReload)));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refreshNow);

    m_checkAction = new QAction(tr("&Check Selected Now"), this);
    m_checkAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_checkAction->setToolTip(tr("Ask Graph for the selected operations now, finished and "
                                 "expired ones included (Shift+F5)"));
    m_checkAction->setIcon(StatusIcons::icon(OperationStatus::Running, false, palette()));
    connect(m_checkAction, &QAction::triggered, this, &MainWindow::checkSelectedNow);

    m_removeAction = new QAction(tr("Re&move"), this);
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_removeAction->setToolTip(tr("Stop tracking the selected operations (Delete)"));
    m_removeAction->setIcon(QIcon::fromTheme(QStringLiteral("list-remove"),
                                             style()->standardIcon(QStyle::SP_TrashIcon)));
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removeSelected);
    // Delete belongs to the table: in the input bar it must still delete characters.
    m_table->addAction(m_removeAction);

    m_removeFinishedAction = new QAction(tr("Remove &Finished"), this);
    m_removeFinishedAction->setToolTip(tr("Stop tracking every succeeded and failed operation"));
    connect(m_removeFinishedAction, &QAction::triggered, this, &MainWindow::removeFinished);

    m_undoAction = m_removal->createUndoAction(this);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_removal->createRedoAction(this);
    m_redoAction->setShortcut(QKeySequence::Redo);

    m_newExportAction = new QAction(tr("&New Export…"), this);
    m_newExportAction->setShortcut(QKeySequence::New);
    m_newExportAction->setToolTip(tr("Ask Graph for a billing export and track it (Ctrl+N)"));
    connect(m_newExportAction, &QAction::triggered, this, &MainWindow::openNewExport);

    m_copyIdsAction = new QAction(tr("Copy &Ids"), this);
    m_copyIdsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_copyIdsAction, &QAction::triggered, this, &MainWindow::copySelectedIds);

    m_copyRowsAction = new QAction(tr("&Copy Rows"), this);
    m_copyRowsAction->setShortcut(QKeySequence::Copy);
    // Like Delete: in the input bar and the filter, Ctrl+C must still copy their text.
    m_copyRowsAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyRowsAction->setToolTip(tr("Copy the selected rows as a table, ready to paste into "
                                    "Excel (Ctrl+C)"));
    connect(m_copyRowsAction, &QAction::triggered, this, &MainWindow::copyRows);
    m_table->addAction(m_copyRowsAction);

    m_exportTableAction = new QAction(tr("&Export Table…"), this);
    m_exportTableAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportTableAction->setToolTip(tr("Write the rows and columns shown to an Excel workbook "
                                       "or a CSV file (Ctrl+E)"));
    connect(m_exportTableAction, &QAction::triggered, this, &MainWindow::exportTable);

    m_showAction = new QAction(tr("&Show Billing Monitor"), this);
    connect(m_showAction, &QAction::triggered, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });

    m_copyLinkAction = new QAction(tr("Copy Manifest &Link"), this);
    connect(m_copyLinkAction, &QAction::triggered, this, [this] {
        if (m_details->manifestLinkText().isEmpty())
            return;
        QGuiApplication::clipboard()->setText(m_details->manifestLinkText());
        statusBar()->showMessage(tr("Manifest link copied."), StatusMessageMs);
    });

    m_editLabelAction = new QAction(tr("Edit La&bel"), this);
    m_editLabelAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_editLabelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    // Whichever cell is current: the label is the one thing in a row the analyst writes.
    connect(m_editLabelAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid())
            m_table->edit(current.siblingAtColumn(OperationTableModel::LabelColumn));
    });
    m_table->addAction(m_editLabelAction);

    m_filterAction = new QAction(tr("Filt&er"), this);
    m_filterAction->setShortcut(QKeySequence::Find);
    connect(m_filterAction, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    m_detailsAction = new QAction(tr("&Details Panel"), this);
    m_detailsAction->setCheckable(true);
    m_detailsAction->setChecked(true);
    m_detailsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_detailsAction, &QAction::toggled, m_details, &QWidget::setVisible);

    m_settingsAction = new QAction(tr("&Settings…"), this);
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_settingsAction->setIcon(QIcon::fromTheme(
        QStringLiteral("configure"), style()->standardIcon(QStyle::SP_FileDialogDetailedView)));
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);

    m_openFolderAction = new QAction(tr("&Open Export Folder…"), this);
    m_openFolderAction->setShortcut(QKeySequence::Open);
    m_openFolderAction->setToolTip(
        tr("Summarise, chart and convert a folder of downloaded export files"));
    connect(m_openFolderAction, &QAction::triggered, this, &MainWindow::openExportFolder);

    m_showDataAction = new QAction(tr("Show &Data"), this);
    m_showDataAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_showDataAction->setToolTip(
        tr("Summarise, chart and convert the files downloaded for the selected operation"));
    connect(m_showDataAction, &QAction::triggered, this, &MainWindow::showSelectedData);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::quit);

    m_themeGroup = new QActionGroup(this);
    for (Theme::Choice choice : Theme::Choices) {
        QAction *action = m_themeGroup->addAction(Theme::displayName(choice));
        action->setCheckable(true);
        action->setChecked(choice == Theme::current());
        action->setData(int(choice));
        connect(action, &QAction::triggered, this, [this, choice] { setTheme(choice); });
    }

    addActions({m_newExportAction, m_exportTableAction, m_undoAction, m_redoAction, m_addAction,
                m_pasteAction, m_refreshAction, m_checkAction, m_copyIdsAction, m_filterAction,
                m_detailsAction, m_settingsAction, m_quitAction, m_openFolderAction,
                m_showDataAction});
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newExportAction);
    file->addAction(m_openFolderAction);
    file->addAction(m_showDataAction);
    file->addAction(m_exportTableAction);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_addAction);
    edit->addAction(m_pasteAction);
    edit->addSeparator();
    edit->addAction(m_copyRowsAction);
    edit->addAction(m_copyIdsAction);
    edit->addAction(m_copyLinkAction);
    edit->addSeparator();
    edit->addAction(m_editLabelAction);
    edit->addAction(m_removeAction);
    edit->addAction(m_removeFinishedAction);
    edit->addSeparator();
    edit->addAction(m_filterAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    view->addAction(m_checkAction);
    view->addSeparator();
    view->addAction(m_detailsAction);
    view->addSeparator();
    QMenu *show = view->addMenu(tr("S&how"));
    for (OperationFilterProxy::StateFilter filter : OperationFilterProxy::StateFilters) {
        show->addAction(OperationFilterProxy::stateFilterName(filter), this,
                        [this, filter] { setStateFilter(filter); });
    }
    QMenu *theme = view->addMenu(tr("&Theme"));
    theme->addActions(m_themeGroup->actions());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide
        = help->addAction(tr("&User Guide"), this, [this] { HelpDialogs::showUserGuide(this); });
    guide->setShortcut(QKeySequence::HelpContents);
    addAction(guide);
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        QList<QAction *> all = actions();
        all << m_removeAction << m_copyRowsAction << m_editLabelAction;
        HelpDialogs::showShortcuts(this, all);
    });
    help->addAction(tr("Copy &Diagnostics"), this, &MainWindow::copyDiagnostics);
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Billing Monitor"), this,
                                     [this] { HelpDialogs::showAbout(this); });
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createToolBar()
{
    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setMovable(false);
    // Words, not pictograms: the actions are few, and the style's stock icons would clash
    // with the drawn status icons.
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tools->addAction(m_newExportAction);
    tools->addSeparator();
    tools->addAction(m_refreshAction);
    tools->addAction(m_checkAction);
    tools->addSeparator();
    tools->addAction(m_removeAction);
    tools->addAction(m_undoAction);
    tools->addSeparator();
    tools->addAction(m_settingsAction);

    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    tools->addWidget(spacer);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(260);
    m_filter->setToolTip(tr("Show only operations whose id, label, status or result contains "
                            "this text"));
    connect(m_filter, &QLineEdit::textChanged, m_sortProxy,
            &OperationFilterProxy::setFilterFixedString);
    connect(m_filter, &QLineEdit::textChanged, this, &MainWindow::updatePlaceholder);
    connect(m_filter, &QLineEdit::textChanged, this, &MainWindow::updateFilterCount);
    m_filter->setAccessibleName(tr("Filter"));

    m_filterCount->setObjectName(QStringLiteral("filterCount"));
    m_quickFilter->setObjectName(QStringLiteral("quickFilter"));
    m_quickFilter->setAccessibleName(tr("Show operations"));
    m_quickFilter->setToolTip(tr("Show all operations, or only those in one state"));
    for (OperationFilterProxy::StateFilter filter : OperationFilterProxy::StateFilters)
        m_quickFilter->addItem(OperationFilterProxy::stateFilterName(filter), int(filter));
    connect(m_quickFilter, &QComboBox::activated, this, [this](int index) {
        setStateFilter(OperationFilterProxy::StateFilter(m_quickFilter->itemData(index).toInt()));
    });
    // A toolbar shows and hides its widgets through their actions.
    m_filterCountAction = tools->addWidget(m_filterCount);
    m_filterCountAction->setVisible(false);
    tools->addWidget(m_quickFilter);
    tools->addWidget(m_filter);
    m_account = new AccountButton(m_session);
    tools->addWidget(m_account);
}

void MainWindow::setDemoMode(const QString &description)
{
    // The platform appends the application's name: "Demo mode — Billing Monitor".
    setWindowTitle(tr("Demo mode"));
    m_demoBanner->setText(
        tr("<b>Demo mode — built-in Graph simulator.</b> %1").arg(description.toHtmlEscaped()));
    m_demoBanner->setVisible(true);
}

QString MainWindow::addFromText(const QString &text)
{
    const Session::TrackTextResult result = m_session->trackText(text);
    m_addBar->showResult(result.summary(), result.isError());
    if (!result.added.isEmpty())
        selectOperation(result.added.last());
    return result.summary();
}

void MainWindow::pasteFromClipboard()
{
    const QString text = QGuiApplication::clipboard()->text();
    if (text.isEmpty()) {
        m_addBar->showResult(tr("The clipboard holds no text to read operation ids from."), true);
        return;
    }
    addFromText(text);
}

void MainWindow::refreshNow()
{
    const QString message = m_session->monitor()->refreshAll();
    statusBar()->showMessage(
        message.isEmpty() ? tr("Checking every running operation now…") : message, StatusMessageMs);
}

QStringList MainWindow::selectedIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        ids << row.data(OperationTableModel::OperationIdRole).toString();
    return ids;
}

bool MainWindow::selectOperation(const QString &id)
{
    const int sourceRow = m_session->model()->rowOf(id);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = m_sortProxy->mapFromSource(
        m_styleProxy->mapFromSource(m_session->model()->index(sourceRow, 0)));
    if (!index.isValid())
        return false; // filtered out
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void MainWindow::removeSelected()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    const int removed = m_removal->removeOperations(ids);
    statusBar()->showMessage(
        tr("Stopped tracking %Ln operation(s); Ctrl+Z brings them back.", nullptr, removed),
        StatusMessageMs);
}

void MainWindow::removeFinished()
{
    const int removed = m_removal->removeFinished();
    statusBar()->showMessage(
        removed == 0
            ? tr("No finished operations to remove.")
            : tr("Removed %Ln finished operation(s); Ctrl+Z brings them back.", nullptr, removed),
        StatusMessageMs);
}

void MainWindow::openNewExport()
{
    NewExportDialog dialog(m_session->exportStarter(), m_session->settings(), this);
    dialog.exec();
}

void MainWindow::checkSelectedNow()
{
    const QStringList ids = selectedIds();
    QString message;
    for (const QString &id : ids) {
        const QString answer = m_session->monitor()->checkNow(id);
        if (!answer.isEmpty())
            message = answer;
    }
    if (message.isEmpty())
        message = tr("Checking %Ln operation(s) now…", nullptr, int(ids.size()));
    statusBar()->showMessage(message, StatusMessageMs);
}

void MainWindow::copySelectedIds()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(ids.join(u'\n'));
    statusBar()->showMessage(tr("Copied %Ln id(s).", nullptr, int(ids.size())), StatusMessageMs);
}

void MainWindow::copyRows()
{
    if (!m_table->selectionModel()->hasSelection())
        return;
    const TableSnapshot rows = snapshotOf(m_table, true);
    QGuiApplication::clipboard()->setText(TableExport::toTabSeparated(rows));
    statusBar()->showMessage(tr("Copied %Ln row(s); paste them into Excel or any spreadsheet.",
                                nullptr, int(rows.rows.size())),
                             StatusMessageMs);
}

void MainWindow::exportTable()
{
    const QString xlsx = tr("Excel workbook (*.xlsx)");
    const QString csv = tr("CSV, UTF-8 (*.csv)");
    QString filter = xlsx;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("billing-operations-%1.xlsx")
                             .arg(QDate::currentDate().toString(Qt::ISODate));
    QString path
        = QFileDialog::getSaveFileName(this, tr("Export Table"), QDir(folder).filePath(name),
                                       xlsx + QStringLiteral(";;") + csv, &filter);
    if (path.isEmpty())
        return;
    const bool wantsCsv = filter == csv;
    const QString suffix = wantsCsv ? QStringLiteral(".csv") : QStringLiteral(".xlsx");
    if (!path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)
        && !path.endsWith(QStringLiteral(".xlsx"), Qt::CaseInsensitive))
        path += suffix;
    QString error;
    if (!exportTableTo(path, &error)) {
        QMessageBox::warning(this, tr("Export Table"),
                             tr("The table could not be written to %1:\n%2")
                                 .arg(QDir::toNativeSeparators(path), error));
        return;
    }
    statusBar()->showMessage(tr("Wrote %Ln row(s) to %1.", nullptr, m_sortProxy->rowCount())
                                 .arg(QDir::toNativeSeparators(path)),
                             StatusMessageMs);
}

bool MainWindow::exportTableTo(const QString &path, QString *error)
{
    const TableSnapshot table = snapshotOf(m_table, false);
    return path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)
        ? TableExport::writeCsv(table, path, error)
        : TableExport::writeXlsx(table, path, error);
}

void MainWindow::copyDiagnostics()
{
    QGuiApplication::clipboard()->setText(HelpDialogs::diagnostics(m_session));
    statusBar()->showMessage(tr("Diagnostics copied: versions, settings (no secrets), where the "
                                "data lives and the count per state."),
                             StatusMessageMs);
}

void MainWindow::setTheme(Theme::Choice choice)
{
    Theme::apply(choice);
    m_session->settings()->setTheme(Theme::toSetting(choice));
    for (QAction *action : m_themeGroup->actions())
        action->setChecked(Theme::Choice(action->data().toInt()) == choice);
}

void MainWindow::setStateFilter(OperationFilterProxy::StateFilter filter)
{
    m_sortProxy->setStateFilter(filter);
    m_quickFilter->setCurrentIndex(m_quickFilter->findData(int(filter)));
    updatePlaceholder();
    updateFilterCount();
}

void MainWindow::updateFilterCount()
{
    const bool filtering = m_sortProxy->isFiltering();
    m_filterCountAction->setVisible(filtering);
    if (!filtering)
        return;
    const QString shown = QLocale().toString(m_sortProxy->rowCount());
    const QString total = QLocale().toString(m_session->model()->rowCount());
    m_filterCount->setText(tr("%1 of %2").arg(shown, total));
    m_filterCount->setAccessibleName(tr("%1 of %2 operations shown").arg(shown, total));
}

void MainWindow::quit()
{
    m_quitting = true;
    if (close())
        QCoreApplication::quit();
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_session, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    for (QAction *action : m_themeGroup->actions())
        action->setChecked(Theme::Choice(action->data().toInt()) == Theme::current());
    statusBar()->showMessage(tr("Settings saved."), StatusMessageMs);
}

void MainWindow::onCurrentRowChanged()
{
    // The details follow the selection: a current row that is not selected (after Delete,
    // or when a filter hid the selection) shows nothing rather than a stale operation.
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const bool shown = current.isValid()
        && m_table->selectionModel()->isRowSelected(current.row(), current.parent());
    const QString id
        = shown ? current.data(OperationTableModel::OperationIdRole).toString() : QString();
    if (id == m_detailsId && !id.isEmpty()) {
        updateActions();
        return;
    }
    m_detailsId = id;
    if (const TrackedOperation *operation = m_session->model()->find(m_detailsId))
        m_details->setOperation(*operation);
    else
        m_details->clear();
    updateActions();
}

void MainWindow::onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    const int row = m_session->model()->rowOf(m_detailsId);
    if (row >= topLeft.row() && row <= bottomRight.row())
        m_details->setOperation(m_session->model()->at(row));
    updateActions();
}

void MainWindow::onSourceRowsRemoved()
{
    if (!m_detailsId.isEmpty() && !m_session->model()->contains(m_detailsId)) {
        m_detailsId.clear();
        m_details->clear();
    }
    updateActions();
}

void MainWindow::onActivityChanged()
{
    m_offlineBanner->setVisible(!m_session->monitor()->isOnline());
}

void MainWindow::onTick()
{
    if (++m_ticks % TimeColumnsEveryTicks == 0)
        m_session->model()->refreshTimeColumns();
    // Relative times ("in 12 s") in the details and the status bar move with the clock.
    if (const TrackedOperation *operation = m_session->model()->find(m_detailsId))
        m_details->setOperation(*operation);
    m_summary->updateActivity();
}

void MainWindow::showNotice(const QString &title, const QString &text, MessageBanner::Kind kind)
{
    m_noticeBanner->setKind(kind);
    m_noticeBanner->setText(
        QStringLiteral("<b>%1</b> %2").arg(title.toHtmlEscaped(), text.toHtmlEscaped()));
    m_noticeBanner->setVisible(true);
}

void MainWindow::showStoreNotice(const QString &title, const QString &text,
                                 MessageBanner::Kind kind)
{
    m_storeBanner->setKind(kind);
    m_storeBanner->setText(
        QStringLiteral("<b>%1</b> %2").arg(title.toHtmlEscaped(), text.toHtmlEscaped()));
    m_storeBanner->setVisible(true);
}

void MainWindow::showTableContextMenu(const QPoint &position)
{
    if (!m_table->indexAt(position).isValid())
        return;
    QMenu menu(this);
    menu.addAction(m_checkAction);
    menu.addAction(m_copyIdsAction);
    menu.addAction(m_copyLinkAction);
    menu.addSeparator();
    menu.addAction(m_removeAction);
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

void MainWindow::showHeaderContextMenu(const QPoint &position)
{
    QHeaderView *columns = m_table->horizontalHeader();
    QMenu menu(this);
    menu.setTitle(tr("Columns"));
    for (int column = 0; column < m_sortProxy->columnCount(); ++column) {
        QAction *toggle = menu.addAction(
            m_sortProxy->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        toggle->setCheckable(true);
        toggle->setChecked(!columns->isSectionHidden(column));
        // The last visible column cannot go: an empty table header cannot bring it back.
        toggle->setEnabled(columns->isSectionHidden(column)
                           || columns->count() - columns->hiddenSectionCount() > 1);
        connect(toggle, &QAction::toggled, columns,
                [columns, column](bool shown) { columns->setSectionHidden(column, !shown); });
    }
    menu.exec(columns->viewport()->mapToGlobal(position));
}

void MainWindow::updatePlaceholder()
{
    QString text;
    if (!m_filter->text().isEmpty())
        text = tr("No tracked operation matches “%1”.").arg(m_filter->text());
    else if (m_sortProxy->stateFilter() != OperationFilterProxy::StateFilter::All)
        text = tr("No tracked operation is in “%1”.")
                   .arg(OperationFilterProxy::stateFilterName(m_sortProxy->stateFilter()));
    else
        text = tr("No operations tracked yet.\n\nPaste operation ids, operation URLs or "
                  "Location headers anywhere in this window (Ctrl+V), or start a new "
                  "export (Ctrl+N).");
    m_table->setPlaceholderText(text);
}

void MainWindow::updateActions()
{
    const bool any = m_table->selectionModel()->hasSelection();
    m_checkAction->setEnabled(any);
    m_removeAction->setEnabled(any);
    m_removeFinishedAction->setEnabled(m_session->model()->rowCount() > 0);
    m_copyIdsAction->setEnabled(any);
    m_copyRowsAction->setEnabled(any);
    m_editLabelAction->setEnabled(any);
    m_copyLinkAction->setEnabled(!m_details->manifestLinkText().isEmpty());
    m_showDataAction->setEnabled(selectedIds().size() == 1);
}

DataView *MainWindow::openDataView(const QString &folder)
{
    auto *view = new DataView(this);
    const auto takeLimits = [this, view] {
        view->loader()->setLimits(m_session->settings()->scanLimits());
    };
    takeLimits();
    // Caps changed in Settings reach a view already open, for its next opening or export.
    connect(m_session, &Session::settingsApplied, view, takeLimits);
    view->setWindowFlag(Qt::Window);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->openFolder(folder);
    view->show();
    return view;
}

void MainWindow::openExportFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Export Folder"));
    if (!folder.isEmpty())
        openDataView(folder);
}

void MainWindow::showSelectedData()
{
    const QStringList ids = selectedIds();
    if (ids.size() != 1)
        return;
    const QString folder = DownloadFolders::folder(ids.constFirst());
    if (folder.isEmpty()) {
        showNotice(tr("No files yet"),
                   tr("Download this operation's files first, or open a folder of export files "
                      "with File → Open Export Folder…"),
                   MessageBanner::Kind::Information);
        return;
    }
    openDataView(folder);
}

void MainWindow::restoreLayout()
{
    AppSettings *settings = m_session->settings();
    if (!restoreGeometry(settings->windowGeometry()))
        resize(1560, 880);
    restoreState(settings->windowState());
    m_table->horizontalHeader()->restoreState(settings->tableHeaderState());
    if (!m_splitter->restoreState(settings->splitterState()))
        m_splitter->setSizes({1020, 420});
}

void MainWindow::saveLayout()
{
    AppSettings *settings = m_session->settings();
    settings->setWindowGeometry(saveGeometry());
    settings->setWindowState(saveState());
    settings->setTableHeaderState(m_table->horizontalHeader()->saveState());
    settings->setSplitterState(m_splitter->saveState());
    settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    AppSettings *settings = m_session->settings();
    if (!m_quitting && settings->closeToTray() && m_tray->isAvailable()) {
        hide();
        event->ignore();
        if (!settings->closeToTrayExplained()) {
            m_tray->explainCloseToTray();
            settings->setCloseToTrayExplained(true);
        }
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if ((event->type() == QEvent::PaletteChange
         || event->type() == QEvent::ApplicationPaletteChange)
        && m_refreshAction)
        applyPalette();
}

void MainWindow::applyPalette()
{
    m_styleProxy->setPalette(palette());
    m_demoBanner->updateColours();
    m_offlineBanner->updateColours();
    m_noticeBanner->updateColours();
    m_storeBanner->updateColours();
    m_checkAction->setIcon(StatusIcons::icon(OperationStatus::Running, false, palette()));
}
