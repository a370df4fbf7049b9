#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

// The input bar above the table: paste or type ids, operation URLs or Location headers, press
// Enter or Add. What came of it (added, already tracked, or why nothing was) shows inline
// next to the field until the analyst types again.
class AddOperationsBar : public QWidget
{
    Q_OBJECT
public:
    explicit AddOperationsBar(QWidget *parent = nullptr);

    QLineEdit *input() const { return m_input; }
    QString text() const;
    void setText(const QString &text);

    // Shows the outcome; an error keeps the text so the analyst can fix it, success clears it.
    void showResult(const QString &message, bool isError);
    QString resultText() const;
    bool resultIsError() const { return m_resultIsError; }

signals:
    void addRequested(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void submit();
    void clearResult();
    void updateResultColours();

    QLineEdit *m_input;
    QPushButton *m_addButton;
    QLabel *m_resultIcon;
    QLabel *m_result;
    bool m_resultIsError = false;
};
