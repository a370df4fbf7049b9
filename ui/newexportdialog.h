#pragma once

#include "app/exports/exportrequest.h"
#include "models/problem.h"

#include <QDialog>

class AppSettings;
class ExportStarter;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

// "New export": one of the four partner-billing exports, with only the fields its kind takes.
// Fields are checked as they are typed and Start stays off until the request is valid and
// while it is being sent. The ExportStarter does the talking; a refusal is shown here with
// its code and request id, and a success closes the dialog. The starter outlives the dialog,
// so an export accepted after the dialog was closed is still tracked.
class NewExportDialog : public QDialog
{
    Q_OBJECT
public:
    // With settings, the dialog opens on the kind of export started last.
    explicit NewExportDialog(ExportStarter *starter, AppSettings *settings = nullptr,
                             QWidget *parent = nullptr);

    // The request the fields describe now (as typed; ExportRequest normalizes it).
    ExportRequest request() const;

    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *invoiceEdit() const { return m_invoice; }
    QLineEdit *currencyEdit() const { return m_currency; }
    QComboBox *periodBox() const { return m_period; }
    QComboBox *attributeSetBox() const { return m_attributeSet; }
    QPushButton *startButton() const { return m_startButton; }
    // Whether the field's row is part of the form for the current kind.
    bool isFieldShown(QWidget *field) const;
    QString invoiceMessage() const; // the inline message under the field; empty when none
    QString currencyMessage() const;
    QString failureMessage() const; // why the last attempt failed; empty when none

signals:
    void exportStarted(const QString &id);

private:
    void onKindChanged();
    void updateValidation();
    void start();
    void onExportStarted(const QString &id);
    void onExportFailed(const Problem &problem);
    void showFailure(const QString &text);

    ExportStarter *m_starter;
    AppSettings *m_settings;
    QFormLayout *m_form;
    QComboBox *m_kind;
    QLineEdit *m_invoice;
    QLabel *m_invoiceMessage;
    QWidget *m_invoiceField;
    QLineEdit *m_currency;
    QLabel *m_currencyMessage;
    QWidget *m_currencyField;
    QComboBox *m_period;
    QComboBox *m_attributeSet;
    QLabel *m_failure;
    QLabel *m_progress;
    QDialogButtonBox *m_buttons;
    QPushButton *m_startButton;
    bool m_invoiceTouched = false;
    bool m_currencyTouched = false;
    bool m_waiting = false; // this dialog's request is in flight
};
