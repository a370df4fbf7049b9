#include "detailspanel.h"

#include "models/statusstyle.h"
#include "models/timetext.h"
#include "statusicons.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QEvent>
#include <QFontDatabase>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>

namespace {

QLabel *makeValueLabel()
{
    auto *label = new QLabel;
    // Values come from Graph: shown as written, never as markup ("<h1>" stays "<h1>").
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

QString problemHint(Problem::Kind kind)
{
    switch (kind) {
    case Problem::Kind::Unauthorized:
        return DetailsPanel::tr("Graph refused the access token. Sign in again with the account "
                                "button on the toolbar (or set a current "
                                "BILLING_MONITOR_TOKEN); checks resume with it.");
    case Problem::Kind::Forbidden:
        return DetailsPanel::tr("The token is valid but may not read billing data: it needs "
                                "PartnerBilling.Read.All for a partner tenant.");
    case Problem::Kind::NotFound:
        return DetailsPanel::tr("Graph does not know this operation (any more). Operations "
                                "expire; start a new export if it is gone for good.");
    case Problem::Kind::Throttled:
        return DetailsPanel::tr("Graph asked the app to slow down; it waits as long as asked, "
                                "then checks again.");
    case Problem::Kind::ServerError:
    case Problem::Kind::Timeout:
    case Problem::Kind::BadReply:
        return DetailsPanel::tr("The app checks again later, waiting longer each time.");
    case Problem::Kind::Network:
        return DetailsPanel::tr("Graph could not be reached; the app checks again when the "
                                "network is back.");
    case Problem::Kind::HttpError:
    case Problem::Kind::None:
        break;
    }
    return {};
}

} // namespace

DetailsPanel::DetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_statusIcon(new QLabel)
    , m_statusTitle(new QLabel)
    , m_idLabel(makeValueLabel())
    , m_labelText(makeValueLabel())
    , m_facts(new QGridLayout)
    , m_created(makeValueLabel())
    , m_lastAction(makeValueLabel())
    , m_added(makeValueLabel())
    , m_lastChecked(makeValueLabel())
    , m_nextCheck(makeValueLabel())
    , m_retryAfter(makeValueLabel())
    , m_rawStatus(makeValueLabel())
    , m_problemIcon(new QLabel)
    , m_problemSummary(makeValueLabel())
    , m_problemFacts(makeValueLabel())
    , m_errorDetails(new QPlainTextEdit)
    , m_manifestLink(new QLineEdit)
    , m_openManifest(new QPushButton(tr("Open manifest")))
    , m_copyLink(new QPushButton(tr("Copy link")))
    , m_checkNow(new QPushButton(tr("Check now")))
{
    setMinimumWidth(280);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    auto *empty = new QLabel(tr("Select an operation to see its details."));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setEnabled(false);
    m_stack->addWidget(empty);

    auto *scroll = new QScrollArea;
    scroll->setAccessibleName(tr("Operation details"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(10);
    scroll->setWidget(content);
    m_stack->addWidget(scroll);

    // Header: the status in icon and words, then the id (selectable, monospace).
    auto *header = new QHBoxLayout;
    m_statusIcon->setFixedSize(32, 32);
    header->addWidget(m_statusIcon, 0, Qt::AlignTop);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    QFont titleFont = m_statusTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_statusTitle->setFont(titleFont);
    m_statusTitle->setWordWrap(true);
    m_statusTitle->setObjectName(QStringLiteral("detailsStatus"));
    m_statusTitle->setTextFormat(Qt::PlainText);
    titles->addWidget(m_statusTitle);
    m_idLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_idLabel->setObjectName(QStringLiteral("detailsId"));
    titles->addWidget(m_idLabel);
    titles->addWidget(m_labelText);
    header->addLayout(titles, 1);
    layout->addLayout(header);

    // A grid, not a QFormLayout: 6.4's QFormLayout::setRowVisible corrupts memory in
    // heightForWidth once a hidden row holds a word-wrapped label.
    m_facts->setColumnStretch(1, 1);
    m_facts->setHorizontalSpacing(12);
    addFact(tr("Created:"), m_created);
    addFact(tr("Last action:"), m_lastAction);
    addFact(tr("Graph status:"), m_rawStatus);
    addFact(tr("Tracked since:"), m_added);
    addFact(tr("Last checked:"), m_lastChecked);
    addFact(tr("Next check:"), m_nextCheck);
    addFact(tr("Last Retry-After:"), m_retryAfter);
    layout->addLayout(m_facts);

    QVBoxLayout *problemLayout = nullptr;
    m_problemSection = makeSection(tr("Last request failed"), &problemLayout);
    m_problemSection->setObjectName(QStringLiteral("problemSection"));
    auto *problemRow = new QHBoxLayout;
    m_problemIcon->setFixedSize(20, 20);
    problemRow->addWidget(m_problemIcon, 0, Qt::AlignTop);
    m_problemSummary->setObjectName(QStringLiteral("problemSummary"));
    problemRow->addWidget(m_problemSummary, 1);
    problemLayout->addLayout(problemRow);
    problemLayout->addWidget(m_problemFacts);
    auto *copyProblem = new QPushButton(tr("Copy problem details"));
    problemLayout->addWidget(copyProblem, 0, Qt::AlignLeft);
    connect(copyProblem, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(problemText());
        emit messageForStatusBar(tr("Problem details copied."));
    });
    layout->addWidget(m_problemSection);

    QVBoxLayout *failureLayout = nullptr;
    m_failureSection = makeSection(tr("Error reported by Graph"), &failureLayout);
    m_errorDetails->setObjectName(QStringLiteral("errorDetails"));
    m_errorDetails->setAccessibleName(tr("Error details"));
    m_errorDetails->setTabChangesFocus(true); // read-only: Tab moves on, never traps
    m_errorDetails->setReadOnly(true);
    m_errorDetails->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_errorDetails->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_errorDetails->setMinimumHeight(120);
    failureLayout->addWidget(m_errorDetails);
    auto *copyError = new QPushButton(tr("Copy error details"));
    copyError->setObjectName(QStringLiteral("copyErrorDetails"));
    failureLayout->addWidget(copyError, 0, Qt::AlignLeft);
    connect(copyError, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(tr("Operation: %1\n").arg(m_operation.id)
                                              + errorDetailsText());
        emit messageForStatusBar(tr("Error details copied; paste them into a support ticket."));
    });
    layout->addWidget(m_failureSection);

    m_manifestLayout = nullptr;
    m_manifestSection = makeSection(tr("Manifest"), &m_manifestLayout);
    m_manifestLink->setObjectName(QStringLiteral("manifestLink"));
    m_manifestLink->setAccessibleName(tr("Manifest link"));
    // A read-only field scrolls a long link instead of widening the whole panel.
    m_manifestLink->setReadOnly(true);
    m_manifestLayout->addWidget(m_manifestLink);
    auto *linkButtons = new QHBoxLayout;
    m_openManifest->setToolTip(tr("Opens the link in your browser, which needs its own sign-in "
                                  "to Graph; the app's token is never handed over."));
    linkButtons->addWidget(m_openManifest);
    linkButtons->addWidget(m_copyLink);
    linkButtons->addStretch();
    m_manifestLayout->addLayout(linkButtons);
    connect(m_openManifest, &QPushButton::clicked, this, [this] {
        if (!QDesktopServices::openUrl(m_operation.last.manifestLink))
            emit messageForStatusBar(tr("No application could open the link; use Copy link."));
    });
    connect(m_copyLink, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(manifestLinkText());
        emit messageForStatusBar(tr("Manifest link copied."));
    });
    layout->addWidget(m_manifestSection);

    auto *actions = new QHBoxLayout;
    m_checkNow->setToolTip(tr("Ask Graph for this operation's state now"));
    actions->addWidget(m_checkNow);
    actions->addStretch();
    layout->addLayout(actions);
    connect(m_checkNow, &QPushButton::clicked, this,
            [this] { emit checkNowRequested(m_operation.id); });
    layout->addStretch();

    clear();
}

void DetailsPanel::addFact(const QString &caption, QLabel *value)
{
    auto *captionLabel = new QLabel(caption);
    const int row = m_facts->rowCount();
    m_facts->addWidget(captionLabel, row, 0, Qt::AlignLeft | Qt::AlignTop);
    m_facts->addWidget(value, row, 1);
    m_captions.insert(value, captionLabel);
}

QFrame *DetailsPanel::makeSection(const QString &title, QVBoxLayout **content)
{
    auto *section = new QFrame;
    section->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(10, 8, 10, 10);
    auto *heading = new QLabel(title);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    layout->addWidget(heading);
    *content = layout;
    return section;
}

void DetailsPanel::clear()
{
    m_operation = {};
    m_stack->setCurrentIndex(0);
    m_errorDetails->clear();
}

void DetailsPanel::setOperation(const TrackedOperation &operation)
{
    m_operation = operation;
    m_stack->setCurrentIndex(1);
    updateHeader();
    updateFacts();
    updateProblem();
    updateFailure();
    updateManifest();
    emit operationShown(m_operation);
}

void DetailsPanel::setManifestWidget(QWidget *widget)
{
    delete m_manifestWidget;
    m_manifestWidget = widget;
    if (widget) {
        m_manifestLayout->addWidget(widget);
        widget->setVisible(m_operation.status() == OperationStatus::Succeeded);
    }
}

QString DetailsPanel::errorDetailsText() const
{
    return m_errorDetails->toPlainText();
}

QString DetailsPanel::problemText() const
{
    if (m_operation.problem.isNull())
        return {};
    const Problem &problem = m_operation.problem;
    QStringList lines {tr("Operation: %1").arg(m_operation.id), problem.summary()};
    if (problem.httpStatus > 0)
        lines << tr("HTTP status: %1").arg(problem.httpStatus);
    if (!problem.code.isEmpty())
        lines << tr("Code: %1").arg(problem.code);
    if (!problem.requestId.isEmpty())
        lines << tr("Request id: %1").arg(problem.requestId);
    if (problem.occurredAt.isValid())
        lines << tr("Date: %1").arg(TimeText::utc(problem.occurredAt));
    return lines.join(u'\n');
}

QString DetailsPanel::manifestLinkText() const
{
    return m_operation.last.manifestLink.toString();
}

void DetailsPanel::updateHeader()
{
    const OperationStatus status = m_operation.status();
    const bool known = m_operation.hasKnownStatus();
    m_statusIcon->setPixmap(StatusIcons::icon(known ? status : OperationStatus::NotStarted,
                                              !m_operation.problem.isNull(), palette())
                                .pixmap(QSize(32, 32), devicePixelRatioF()));
    const QString title = m_operation.statusLabel();
    m_statusTitle->setText(title);
    // The icon is a picture of the status; a screen reader gets it in words.
    m_statusIcon->setAccessibleName(title);
    m_idLabel->setText(m_operation.id);
    m_idLabel->setToolTip(m_operation.url.toString());
    m_labelText->setText(m_operation.label);
    m_labelText->setVisible(!m_operation.label.isEmpty());
}

void DetailsPanel::setFact(QLabel *label, const QString &text, const QString &toolTip)
{
    label->setText(text);
    label->setToolTip(toolTip);
    label->setVisible(!text.isEmpty());
    m_captions.value(label)->setVisible(!text.isEmpty());
}

void DetailsPanel::setTimeFact(QLabel *label, const QDateTime &time)
{
    if (!time.isValid()) {
        setFact(label, {});
        return;
    }
    setFact(label, tr("%1 (%2)").arg(TimeText::local(time), TimeText::relative(time)),
            TimeText::utc(time));
}

void DetailsPanel::updateFacts()
{
    const Operation &last = m_operation.last;
    setTimeFact(m_created, last.createdDateTime);
    setTimeFact(m_lastAction, last.lastActionDateTime);
    setFact(m_rawStatus,
            last.status == OperationStatus::Unknown && !last.rawStatus.isEmpty()
                ? tr("“%1” (not a status this app knows; shown as reported)").arg(last.rawStatus)
                : QString());
    setTimeFact(m_added, m_operation.addedAt);
    setTimeFact(m_lastChecked, m_operation.lastChecked);
    const bool polled = !isTerminal(m_operation.status()) && !m_operation.expired;
    setTimeFact(m_nextCheck, polled ? m_operation.nextCheck : QDateTime());
    // A check whose time has passed is waiting for a free slot (or the network), not late.
    if (polled && m_operation.nextCheck.isValid()
        && m_operation.nextCheck <= QDateTime::currentDateTimeUtc())
        setFact(m_nextCheck, tr("due now, waiting for its turn"),
                TimeText::utc(m_operation.nextCheck));
    if (polled && !m_operation.nextCheck.isValid() && m_operation.hasBeenChecked())
        setFact(m_nextCheck, tr("not scheduled"));
    // Graph sends seconds ("5", "2.128") or an HTTP-date; the raw value is kept, with the
    // unit a bare number leaves out.
    bool inSeconds = false;
    m_operation.lastRetryAfter.toDouble(&inSeconds);
    setFact(m_retryAfter,
            m_operation.lastRetryAfter.isEmpty() ? QString()
                : inSeconds ? tr("%1 s (as sent by Graph)").arg(m_operation.lastRetryAfter)
                            : tr("%1 (as sent by Graph)").arg(m_operation.lastRetryAfter));
    m_checkNow->setText(m_operation.expired ? tr("Check again") : tr("Check now"));
}

void DetailsPanel::updateProblem()
{
    const Problem &problem = m_operation.problem;
    m_problemSection->setVisible(!problem.isNull());
    if (problem.isNull())
        return;
    m_problemIcon->setPixmap(
        StatusIcons::problemIcon(palette()).pixmap(QSize(20, 20), devicePixelRatioF()));
    m_problemSummary->setText(problem.summary());
    QStringList facts;
    if (problem.httpStatus > 0)
        facts << tr("HTTP status %1").arg(problem.httpStatus);
    if (!problem.requestId.isEmpty())
        facts << tr("request-id %1").arg(problem.requestId);
    if (problem.occurredAt.isValid())
        facts << TimeText::local(problem.occurredAt);
    QString text = facts.join(QStringLiteral(" · "));
    const QString hint = problemHint(problem.kind);
    if (!hint.isEmpty())
        text += QStringLiteral("\n") + hint;
    if (m_operation.hasBeenChecked())
        text += QStringLiteral("\n") + tr("The status above is the last one Graph reported.");
    m_problemFacts->setText(text);
}

void DetailsPanel::updateFailure()
{
    const bool failed = m_operation.last.status == OperationStatus::Failed;
    m_failureSection->setVisible(failed);
    QString report;
    if (failed) {
        const PublicError &error = m_operation.last.error;
        report = error.isEmpty() ? tr("Graph reported the failure without details.")
                                 : error.toReportText();
        // Support asks which request it was and when: where Graph's error does not say, the
        // check that brought the failure does.
        if (error.requestId.isEmpty() || error.date.isEmpty()) {
            QStringList lines;
            if (!m_operation.lastClientRequestId.isEmpty())
                lines << QStringLiteral("client-request-id (last check): %1")
                             .arg(m_operation.lastClientRequestId);
            if (error.requestId.isEmpty() && !m_operation.lastRequestId.isEmpty())
                lines
                    << QStringLiteral("request-id (last check): %1").arg(m_operation.lastRequestId);
            if (error.date.isEmpty() && m_operation.lastChecked.isValid())
                lines << QStringLiteral("Date (last check): %1")
                             .arg(m_operation.lastChecked.toUTC().toString(Qt::ISODate));
            if (!lines.isEmpty())
                report += u'\n' + lines.join(u'\n');
        }
    }
    // Re-setting equal text would drop the analyst's selection on every refresh.
    if (m_errorDetails->toPlainText() != report)
        m_errorDetails->setPlainText(report);
}

void DetailsPanel::updateManifest()
{
    const bool succeeded = m_operation.last.status == OperationStatus::Succeeded;
    m_manifestSection->setVisible(succeeded);
    if (!succeeded)
        return;
    const QUrl link = m_operation.last.manifestLink;
    const QString shown
        = link.isEmpty() ? tr("Graph sent the manifest inline, without a link.") : link.toString();
    if (m_manifestLink->text() != shown) {
        m_manifestLink->setText(shown);
        m_manifestLink->setCursorPosition(0);
    }
    // The manifest view has its own "Open manifest"; one button for it is enough.
    m_openManifest->setVisible(m_manifestWidget == nullptr);
    m_openManifest->setEnabled(!link.isEmpty());
    m_copyLink->setEnabled(!link.isEmpty());
    if (m_manifestWidget)
        m_manifestWidget->setVisible(true);
}

void DetailsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The icons are painted in the palette's colours.
    if (event->type() == QEvent::PaletteChange && hasOperation()) {
        updateHeader();
        updateProblem();
    }
}
