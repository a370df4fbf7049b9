#include "newexportdialog.h"

#include "app/appsettings.h"
#include "app/exports/exportstarter.h"
#include "dialogfit.h"
#include "statuscolours.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {

QLabel *makeMessageLabel(const QString &objectName, const QPalette &palette)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = label->palette();
    errorPalette.setColor(QPalette::WindowText,
                          StatusColours::foreground(OperationStatus::Failed, palette));
    label->setPalette(errorPalette);
    label->hide();
    return label;
}

// A line edit with its inline message underneath, as one form row.
QWidget *fieldWithMessage(QLineEdit *edit, QLabel *message)
{
    auto *field = new QWidget;
    // The row keeps the form's width while a long message wraps under a short entry.
    field->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *layout = new QVBoxLayout(field);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit);
    layout->addWidget(message);
    return field;
}

void showMessage(QLabel *label, const QString &text)
{
    if (label->text() == text && label->isVisibleTo(label->window()) == !text.isEmpty())
        return;
    label->setText(text);
    label->setVisible(!text.isEmpty());
    growToFit(label->window());
}

} // namespace

NewExportDialog::NewExportDialog(ExportStarter *starter, AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_starter(starter)
    , m_settings(settings)
    , m_form(new QFormLayout)
    , m_kind(new QComboBox)
    , m_invoice(new QLineEdit)
    , m_invoiceMessage(makeMessageLabel(QStringLiteral("invoiceMessage"), palette()))
    , m_invoiceField(fieldWithMessage(m_invoice, m_invoiceMessage))
    , m_currency(new QLineEdit)
    , m_currencyMessage(makeMessageLabel(QStringLiteral("currencyMessage"), palette()))
    , m_currencyField(fieldWithMessage(m_currency, m_currencyMessage))
    , m_period(new QComboBox)
    , m_attributeSet(new QComboBox)
    , m_failure(makeMessageLabel(QStringLiteral("failureMessage"), palette()))
    , m_progress(new QLabel(tr("Asking Graph to start the export…")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel))
    , m_startButton(m_buttons->addButton(tr("&Start export"), QDialogButtonBox::AcceptRole))
{
    setWindowTitle(tr("New export"));
    setMinimumWidth(480);
    auto *layout = new QVBoxLayout(this);
    auto *note = new QLabel(tr("Graph prepares the billing data as files, which usually takes "
                               "minutes to hours. The new operation is tracked as soon as Graph "
                               "accepts the request."));
    note->setWordWrap(true);
    layout->addWidget(note);

    m_kind->setObjectName(QStringLiteral("exportKind"));
    for (const ExportRequest::Kind kind : ExportRequest::kinds())
        m_kind->addItem(ExportRequest::kindName(kind), int(kind));
    if (m_settings) // the kind chosen last time, since analysts repeat the same export
        m_kind->setCurrentIndex(std::max(0, m_kind->findData(m_settings->lastExportKind())));
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->addRow(tr("&Export:"), m_kind);

    m_invoice->setObjectName(QStringLiteral("invoiceId"));
    m_invoice->setPlaceholderText(tr("e.g. G016907411"));
    m_invoice->setMaxLength(64);
    m_invoice->setToolTip(tr("The invoice number as shown in Partner Center: a letter followed "
                             "by digits."));
    m_form->addRow(tr("&Invoice:"), m_invoiceField);

    m_currency->setObjectName(QStringLiteral("currencyCode"));
    m_currency->setPlaceholderText(tr("e.g. USD"));
    m_currency->setMaxLength(16);
    m_currency->setToolTip(tr("The ISO 4217 code of the currency the charges are billed in."));
    m_form->addRow(tr("&Currency:"), m_currencyField);

    m_period->setObjectName(QStringLiteral("billingPeriod"));
    m_period->addItem(tr("Current (still in progress)"), QStringLiteral("current"));
    m_period->addItem(tr("Last (the previous period)"), QStringLiteral("last"));
    m_form->addRow(tr("Billing &period:"), m_period);

    m_attributeSet->setObjectName(QStringLiteral("attributeSet"));
    m_attributeSet->addItem(tr("Full: every column"), QStringLiteral("full"));
    m_attributeSet->addItem(tr("Basic: the common columns"), QStringLiteral("basic"));
    m_form->addRow(tr("&Columns:"), m_attributeSet);
    layout->addLayout(m_form);

    layout->addWidget(m_failure);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->hide();
    layout->addWidget(m_progress);
    layout->addStretch();
    m_startButton->setObjectName(QStringLiteral("startExport"));
    layout->addWidget(m_buttons);
    // Only now does the button know its dialog; before, Cancel would become the default.
    m_startButton->setDefault(true);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &NewExportDialog::onKindChanged);
    connect(m_invoice, &QLineEdit::textEdited, this, [this] { m_invoiceTouched = true; });
    connect(m_currency, &QLineEdit::textEdited, this, [this] { m_currencyTouched = true; });
    connect(m_invoice, &QLineEdit::textChanged, this, &NewExportDialog::updateValidation);
    connect(m_currency, &QLineEdit::textChanged, this, &NewExportDialog::updateValidation);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewExportDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_starter, &ExportStarter::busyChanged, this, &NewExportDialog::updateValidation);
    connect(m_starter, &ExportStarter::exportStarted, this, &NewExportDialog::onExportStarted);
    connect(m_starter, &ExportStarter::exportFailed, this, &NewExportDialog::onExportFailed);
    onKindChanged();
}

ExportRequest NewExportDialog::request() const
{
    ExportRequest request;
    request.kind = ExportRequest::Kind(m_kind->currentData().toInt());
    request.invoiceId = m_invoice->text();
    request.currencyCode = m_currency->text();
    request.billingPeriod = m_period->currentData().toString();
    request.attributeSet = m_attributeSet->currentData().toString();
    return request;
}

bool NewExportDialog::isFieldShown(QWidget *field) const
{
    if (field == m_invoice)
        field = m_invoiceField;
    else if (field == m_currency)
        field = m_currencyField;
    return m_form->isRowVisible(field);
}

QString NewExportDialog::invoiceMessage() const
{
    return m_invoiceMessage->text();
}

QString NewExportDialog::currencyMessage() const
{
    return m_currencyMessage->text();
}

QString NewExportDialog::failureMessage() const
{
    return m_failure->text();
}

void NewExportDialog::onKindChanged()
{
    const bool usesInvoice = request().usesInvoice();
    m_form->setRowVisible(m_invoiceField, usesInvoice);
    m_form->setRowVisible(m_currencyField, !usesInvoice);
    m_form->setRowVisible(m_period, !usesInvoice);
    showFailure({});
    updateValidation();
}

void NewExportDialog::updateValidation()
{
    const ExportRequest current = request();
    // An empty field is not scolded before the analyst has had a go at it.
    const bool judgeInvoice = m_invoiceTouched || !m_invoice->text().trimmed().isEmpty();
    const bool judgeCurrency = m_currencyTouched || !m_currency->text().trimmed().isEmpty();
    showMessage(m_invoiceMessage,
                judgeInvoice ? current.errorFor(ExportRequest::Field::InvoiceId) : QString());
    showMessage(m_currencyMessage,
                judgeCurrency ? current.errorFor(ExportRequest::Field::CurrencyCode) : QString());
    m_startButton->setEnabled(current.isValid() && !m_starter->isBusy());
    m_progress->setVisible(m_waiting);
}

void NewExportDialog::start()
{
    if (!m_startButton->isEnabled())
        return;
    showFailure({});
    if (m_settings)
        m_settings->setLastExportKind(m_kind->currentData().toInt());
    m_waiting = m_starter->start(request());
    updateValidation();
}

void NewExportDialog::onExportStarted(const QString &id)
{
    if (!m_waiting)
        return;
    m_waiting = false;
    emit exportStarted(id);
    accept();
}

void NewExportDialog::onExportFailed(const Problem &problem)
{
    if (!m_waiting)
        return;
    m_waiting = false;
    showFailure(ExportStarter::failureText(problem));
    updateValidation();
}

void NewExportDialog::showFailure(const QString &text)
{
    showMessage(m_failure, text);
}
