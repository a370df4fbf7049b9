<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cs" sourcelanguage="en">
<context>
    <name>AccountButton</name>
    <message>
        <source>Sign in again…</source>
        <translation>Přihlásit se znovu…</translation>
    </message>
    <message>
        <source>&amp;Switch account…</source>
        <translation>&amp;Přepnout účet…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Odhlásit se</translation>
    </message>
    <message>
        <source>Sign-in renews at %1</source>
        <translation>Přihlášení se obnoví v %1</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Přihlásit se…</translation>
    </message>
    <message>
        <source>Sign in to Microsoft with your partner tenant&apos;s app registration</source>
        <translation>Přihlásit se k Microsoftu registrací aplikace vašeho partnerského tenanta</translation>
    </message>
    <message>
        <source>App %1</source>
        <translation>Aplikace %1</translation>
    </message>
    <message>
        <source>Signed in to %1</source>
        <translation>Přihlášeno k %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sign in again.&lt;/b&gt; %1 Checks wait until you do; nothing is lost.</source>
        <translation>&lt;b&gt;Přihlaste se znovu.&lt;/b&gt; %1 Kontroly počkají, než to uděláte; nic se neztratí.</translation>
    </message>
</context>
<context>
    <name>AddOperationsBar</name>
    <message>
        <source>Add</source>
        <translation>Přidat</translation>
    </message>
    <message>
        <source>Paste operation ids, operation URLs or Location headers — any text around them is fine</source>
        <translation>Vložte ID operací, URL operací nebo hlavičky Location — okolní text nevadí</translation>
    </message>
    <message>
        <source>Track the operations found in the text (Enter)</source>
        <translation>Sledovat operace nalezené v textu (Enter)</translation>
    </message>
    <message>
        <source>Operation ids to add</source>
        <translation>ID operací k přidání</translation>
    </message>
</context>
<context>
    <name>BrowserFlow</name>
    <message>
        <source>Cannot listen on 127.0.0.1 for the browser&apos;s answer.</source>
        <translation>Nelze naslouchat na 127.0.0.1 odpovědi prohlížeče.</translation>
    </message>
    <message>
        <source>You are signed in. You can close this window and return to Billing Monitor.</source>
        <translation>Jste přihlášeni. Toto okno můžete zavřít a vrátit se do Billing Monitoru.</translation>
    </message>
</context>
<context>
    <name>ClientAssertion</name>
    <message>
        <source>The file holds no unencrypted private key (PEM &quot;PRIVATE KEY&quot; or &quot;RSA PRIVATE KEY&quot;).</source>
        <translation>Soubor neobsahuje nešifrovaný soukromý klíč (PEM „PRIVATE KEY“ nebo „RSA PRIVATE KEY“).</translation>
    </message>
    <message>
        <source>The private key is not an RSA key; Entra ID certificates for apps use RSA.</source>
        <translation>Soukromý klíč není klíč RSA; certifikáty aplikací v Entra ID používají RSA.</translation>
    </message>
    <message>
        <source>Could not sign with the private key.</source>
        <translation>Soukromým klíčem nelze podepsat.</translation>
    </message>
    <message>
        <source>The file holds no certificate (PEM &quot;CERTIFICATE&quot;).</source>
        <translation>Soubor neobsahuje certifikát (PEM „CERTIFICATE“).</translation>
    </message>
    <message>
        <source>The certificate expired on %1; upload a new one to the app registration.</source>
        <translation>Platnost certifikátu skončila %1; nahrajte do registrace aplikace nový.</translation>
    </message>
    <message>
        <source>Cannot read the certificate file %1: %2</source>
        <translation>Soubor certifikátu %1 nelze číst: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a PEM certificate file.</source>
        <translation>%1 je příliš velký na soubor certifikátu PEM.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>DataCharts</name>
    <message>
        <source>No totals to chart</source>
        <translation>Žádné součty k zobrazení</translation>
    </message>
    <message numerus="yes">
        <source>Top %n customers by %1 in %2</source>
        <translation>
            <numerusform>Nejvyšší %n zákazník podle %1 v %2</numerusform>
            <numerusform>Nejvyšší %n zákazníci podle %1 v %2</numerusform>
            <numerusform>Nejvyšších %n zákazníků podle %1 v %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per day in %2</source>
        <translation>%1 po dnech v %2</translation>
    </message>
</context>
<context>
    <name>DataLoader</name>
    <message>
        <source>Still busy with the previous folder.</source>
        <translation>Předchozí složka se ještě načítá.</translation>
    </message>
</context>
<context>
    <name>DataView</name>
    <message>
        <source>Customer</source>
        <translation>Zákazník</translation>
    </message>
    <message>
        <source>Product / SKU</source>
        <translation>Produkt / SKU</translation>
    </message>
    <message>
        <source>Charge type</source>
        <translation>Typ poplatku</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Předplatné</translation>
    </message>
    <message>
        <source>Meter category</source>
        <translation>Kategorie měřiče</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Využití</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Odsouhlasení</translation>
    </message>
    <message>
        <source>Unknown (neither usage nor reconciliation columns)</source>
        <translation>Neznámý (sloupce ani využití, ani odsouhlasení)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(no currency)</source>
        <translation>(bez měny)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Zrušit</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportovat &amp;CSV…</translation>
    </message>
    <message>
        <source>Export &amp;Excel…</source>
        <translation>Exportovat do &amp;Excelu…</translation>
    </message>
    <message>
        <source>One File per C&amp;ustomer</source>
        <translation>Soubor pro každého &amp;zákazníka</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Souhrn</translation>
    </message>
    <message>
        <source>&amp;Group By</source>
        <translation>Sesk&amp;upení</translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation>&amp;Grafy</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Náhled</translation>
    </message>
    <message>
        <source>CSV Files…</source>
        <translation>Soubory CSV…</translation>
    </message>
    <message>
        <source>Excel Workbooks…</source>
        <translation>Sešity Excelu…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Zrušeno.</translation>
    </message>
    <message>
        <source>Data — %1</source>
        <translation>Data — %1</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>Čte se %n soubor…</numerusform>
            <numerusform>Čtou se %n soubory…</numerusform>
            <numerusform>Čte se %n souborů…</numerusform>
        </translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Druh:</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Soubory:</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 compressed, %2 of JSON</source>
        <translation>
            <numerusform>%n soubor, %1 komprimovaně, %2 JSON</numerusform>
            <numerusform>%n soubory, %1 komprimovaně, %2 JSON</numerusform>
            <numerusform>%n souborů, %1 komprimovaně, %2 JSON</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Řádky:</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Data od–do:</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 až %2</translation>
    </message>
    <message>
        <source>Customers:</source>
        <translation>Zákazníci:</translation>
    </message>
    <message>
        <source>Subscriptions:</source>
        <translation>Předplatná:</translation>
    </message>
    <message>
        <source>Products:</source>
        <translation>Produkty:</translation>
    </message>
    <message>
        <source>Billed (BillingPreTaxTotal):</source>
        <translation>Účtováno (BillingPreTaxTotal):</translation>
    </message>
    <message>
        <source>Priced (PricingPreTaxTotal):</source>
        <translation>V ceníkových cenách (PricingPreTaxTotal):</translation>
    </message>
    <message>
        <source>Subtotal:</source>
        <translation>Mezisoučet:</translation>
    </message>
    <message>
        <source>Tax:</source>
        <translation>Daň:</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Celkem:</translation>
    </message>
    <message>
        <source>Billable quantity:</source>
        <translation>Účtované množství:</translation>
    </message>
    <message>
        <source>Not in the data, so left out: %1.</source>
        <translation>V datech chybí, proto vynecháno: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n amount(s) are not numbers and were not added (e.g. %1).</source>
        <translation>
            <numerusform>%n částka není číslo a nebyla započtena (např. %1).</numerusform>
            <numerusform>%n částky nejsou čísla a nebyly započteny (např. %1).</numerusform>
            <numerusform>%n částek nejsou čísla a nebyly započteny (např. %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>The folder mixes usage and reconciliation files.</source>
        <translation>Složka obsahuje soubory využití i odsouhlasení.</translation>
    </message>
    <message>
        <source>%1 was left out: %2</source>
        <translation>%1 byl vynechán: %2</translation>
    </message>
    <message>
        <source>Folder for One File per Customer</source>
        <translation>Složka pro soubory jednotlivých zákazníků</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Soubory CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Sešity Excelu (*.xlsx)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Zapisuje se…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1.</source>
        <translation>
            <numerusform>%n řádek zapsán do %1.</numerusform>
            <numerusform>%n řádky zapsány do %1.</numerusform>
            <numerusform>%n řádků zapsáno do %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written to %1.</source>
        <translation>
            <numerusform>%n soubor zapsán do %1.</numerusform>
            <numerusform>%n soubory zapsány do %1.</numerusform>
            <numerusform>%n souborů zapsáno do %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>Nic nebylo exportováno: %1</translation>
    </message>
    <message>
        <source>Group &amp;by:</source>
        <translation>&amp;Seskupit podle:</translation>
    </message>
</context>
<context>
    <name>DemoMode</name>
    <message>
        <source>after %1 s</source>
        <translation>za %1 s</translation>
    </message>
    <message>
        <source>already</source>
        <translation>hned</translation>
    </message>
    <message>
        <source>Demo: succeeds %1</source>
        <translation>Ukázka: uspěje %1</translation>
    </message>
    <message>
        <source>Demo: fails %1</source>
        <translation>Ukázka: selže %1</translation>
    </message>
    <message>
        <source>Demo: keeps running</source>
        <translation>Ukázka: běží bez konce</translation>
    </message>
    <message>
        <source>, then expires (HTTP %1)</source>
        <translation>, pak vyprší (HTTP %1)</translation>
    </message>
    <message>
        <source>, reports “%1”</source>
        <translation>, hlásí „%1“</translation>
    </message>
    <message>
        <source>, inline manifest</source>
        <translation>, manifest přímo v odpovědi</translation>
    </message>
    <message>
        <source>The demo scenario %1 cannot be used: %2</source>
        <translation>Ukázkový scénář %1 nelze použít: %2</translation>
    </message>
    <message>
        <source>The built-in Graph simulator could not start: %1</source>
        <translation>Vestavěný simulátor Graphu se nepodařilo spustit: %1</translation>
    </message>
    <message>
        <source>Demo fleet</source>
        <translation>Ukázková flotila</translation>
    </message>
    <message numerus="yes">
        <source>%n sample operations at %1, signed in at its own Entra ID; nothing reaches Microsoft.</source>
        <translation>
            <numerusform>%n ukázková operace na %1, přihlášeno u jeho vlastního Entra ID; nic se nedostane k Microsoftu.</numerusform>
            <numerusform>%n ukázkové operace na %1, přihlášeno u jeho vlastního Entra ID; nic se nedostane k Microsoftu.</numerusform>
            <numerusform>%n ukázkových operací na %1, přihlášeno u jeho vlastního Entra ID; nic se nedostane k Microsoftu.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>The token is valid but may not read billing data: it needs PartnerBilling.Read.All for a partner tenant.</source>
        <translation>Token je platný, ale nesmí číst fakturační data: potřebuje oprávnění PartnerBilling.Read.All pro partnerského tenanta.</translation>
    </message>
    <message>
        <source>Graph does not know this operation (any more). Operations expire; start a new export if it is gone for good.</source>
        <translation>Graph tuto operaci nezná (už ne). Operace vypršují; pokud je pryč natrvalo, spusťte nový export.</translation>
    </message>
    <message>
        <source>Graph asked the app to slow down; it waits as long as asked, then checks again.</source>
        <translation>Graph požádal aplikaci o zpomalení; počká, jak dlouho žádá, a pak zkontroluje znovu.</translation>
    </message>
    <message>
        <source>The app checks again later, waiting longer each time.</source>
        <translation>Aplikace to zkusí znovu později a pokaždé počká déle.</translation>
    </message>
    <message>
        <source>Graph could not be reached; the app checks again when the network is back.</source>
        <translation>Graph není dostupný; aplikace zkontroluje znovu, jakmile bude síť zpět.</translation>
    </message>
    <message>
        <source>Open manifest</source>
        <translation>Otevřít manifest</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Kopírovat odkaz</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Zkontrolovat nyní</translation>
    </message>
    <message>
        <source>Select an operation to see its details.</source>
        <translation>Vyberte operaci a zobrazí se její podrobnosti.</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Vytvořeno:</translation>
    </message>
    <message>
        <source>Last action:</source>
        <translation>Poslední akce:</translation>
    </message>
    <message>
        <source>Graph status:</source>
        <translation>Stav v Graphu:</translation>
    </message>
    <message>
        <source>Tracked since:</source>
        <translation>Sledováno od:</translation>
    </message>
    <message>
        <source>Last checked:</source>
        <translation>Naposledy zkontrolováno:</translation>
    </message>
    <message>
        <source>Next check:</source>
        <translation>Další kontrola:</translation>
    </message>
    <message>
        <source>Last Retry-After:</source>
        <translation>Poslední Retry-After:</translation>
    </message>
    <message>
        <source>Last request failed</source>
        <translation>Poslední požadavek selhal</translation>
    </message>
    <message>
        <source>Copy problem details</source>
        <translation>Kopírovat podrobnosti problému</translation>
    </message>
    <message>
        <source>Problem details copied.</source>
        <translation>Podrobnosti problému zkopírovány.</translation>
    </message>
    <message>
        <source>Error reported by Graph</source>
        <translation>Chyba hlášená Graphem</translation>
    </message>
    <message>
        <source>Copy error details</source>
        <translation>Kopírovat podrobnosti chyby</translation>
    </message>
    <message>
        <source>Operation: %1
</source>
        <translation>Operace: %1
</translation>
    </message>
    <message>
        <source>Error details copied; paste them into a support ticket.</source>
        <translation>Podrobnosti chyby zkopírovány; vložte je do požadavku na podporu.</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>Opens the link in your browser, which needs its own sign-in to Graph; the app&apos;s token is never handed over.</source>
        <translation>Otevře odkaz v prohlížeči, který se musí do Graphu přihlásit sám; token aplikace se nikdy nepředává.</translation>
    </message>
    <message>
        <source>No application could open the link; use Copy link.</source>
        <translation>Odkaz nedokázala otevřít žádná aplikace; použijte Kopírovat odkaz.</translation>
    </message>
    <message>
        <source>Manifest link copied.</source>
        <translation>Odkaz na manifest zkopírován.</translation>
    </message>
    <message>
        <source>Ask Graph for this operation&apos;s state now</source>
        <translation>Zeptat se Graphu na stav této operace hned teď</translation>
    </message>
    <message>
        <source>Operation: %1</source>
        <translation>Operace: %1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>Stav HTTP: %1</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Kód: %1</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>ID požadavku: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Datum: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>“%1” (not a status this app knows; shown as reported)</source>
        <translation>„%1“ (stav, který aplikace nezná; zobrazen tak, jak přišel)</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>nenaplánováno</translation>
    </message>
    <message>
        <source>%1 s (as sent by Graph)</source>
        <translation>%1 s (jak poslal Graph)</translation>
    </message>
    <message>
        <source>%1 (as sent by Graph)</source>
        <translation>%1 (jak poslal Graph)</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Zkontrolovat znovu</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>stav HTTP %1</translation>
    </message>
    <message>
        <source>request-id %1</source>
        <translation>request-id %1</translation>
    </message>
    <message>
        <source>The status above is the last one Graph reported.</source>
        <translation>Stav výše je poslední, který Graph nahlásil.</translation>
    </message>
    <message>
        <source>Graph reported the failure without details.</source>
        <translation>Graph nahlásil selhání bez podrobností.</translation>
    </message>
    <message>
        <source>Graph sent the manifest inline, without a link.</source>
        <translation>Graph poslal manifest přímo v odpovědi, bez odkazu.</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Podrobnosti chyby</translation>
    </message>
    <message>
        <source>Manifest link</source>
        <translation>Odkaz na manifest</translation>
    </message>
    <message>
        <source>due now, waiting for its turn</source>
        <translation>na řadě, čeká na volné místo</translation>
    </message>
    <message>
        <source>Operation details</source>
        <translation>Podrobnosti operace</translation>
    </message>
    <message>
        <source>Graph refused the access token. Sign in again with the account button on the toolbar (or set a current BILLING_MONITOR_TOKEN); checks resume with it.</source>
        <translation>Graph odmítl přístupový token. Přihlaste se znovu tlačítkem účtu na panelu nástrojů (nebo nastavte platný BILLING_MONITOR_TOKEN); kontroly s ním budou pokračovat.</translation>
    </message>
</context>
<context>
    <name>DeviceCodeFlow</name>
    <message>
        <source>Entra ID&apos;s device-code answer lacks the code or the link.</source>
        <translation>Odpověď Entra ID s kódem zařízení neobsahuje kód nebo odkaz.</translation>
    </message>
    <message>
        <source>To sign in, open %1 in a web browser and enter the code %2.</source>
        <translation>Pro přihlášení otevřete ve webovém prohlížeči %1 a zadejte kód %2.</translation>
    </message>
</context>
<context>
    <name>DownloadJob</name>
    <message>
        <source>too slow: %1 in %2 s</source>
        <translation>příliš pomalý přenos: %1 za %2 s</translation>
    </message>
    <message>
        <source>Refused to save &quot;%1&quot;: %2. Nothing was written.</source>
        <translation>Uložení „%1“ bylo odmítnuto: %2. Nic nebylo zapsáno.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; refusing to write through it.</source>
        <translation>%1 je symbolický odkaz; zápis přes něj je odmítnut.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Nelze zapsat %1: %2.</translation>
    </message>
    <message>
        <source>Resuming after %1…</source>
        <translation>Navazuje se po %1…</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Stahuje se…</translation>
    </message>
    <message>
        <source>the server resumed at the wrong place</source>
        <translation>server navázal na špatném místě</translation>
    </message>
    <message>
        <source>the file changed size on the server</source>
        <translation>soubor na serveru změnil velikost</translation>
    </message>
    <message>
        <source>the file changed on the server</source>
        <translation>soubor se na serveru změnil</translation>
    </message>
    <message>
        <source>the partial file no longer fits the file on the server</source>
        <translation>částečně stažený soubor už neodpovídá souboru na serveru</translation>
    </message>
    <message>
        <source>Cancelled after %1; the partial file is kept and Retry resumes it.</source>
        <translation>Zrušeno po %1; částečně stažený soubor zůstává a Opakovat na něj naváže.</translation>
    </message>
    <message>
        <source>Could not write %1: %2. The partial file is kept; free some space or pick another folder, then Retry.</source>
        <translation>Nepodařilo se zapsat %1: %2. Částečně stažený soubor zůstává; uvolněte místo nebo zvolte jinou složku a pak zvolte Opakovat.</translation>
    </message>
    <message>
        <source>Gave up: %1, again.</source>
        <translation>Vzdáno: %1, znovu.</translation>
    </message>
    <message>
        <source>The download link expired at %1; refresh the manifest to get a new one.</source>
        <translation>Odkaz ke stažení vypršel v %1; obnovte manifest a získáte nový.</translation>
    </message>
    <message>
        <source>The download link expired; refresh the manifest to get a new one.</source>
        <translation>Odkaz ke stažení vypršel; obnovte manifest a získáte nový.</translation>
    </message>
    <message>
        <source>Storage refused the download link (%1); refresh the manifest to get a new one.</source>
        <translation>Úložiště odkaz ke stažení odmítlo (%1); obnovte manifest a získáte nový.</translation>
    </message>
    <message>
        <source>no data arrived for %1 s</source>
        <translation>%1 s nepřišla žádná data</translation>
    </message>
    <message>
        <source>the answer ended early</source>
        <translation>odpověď skončila předčasně</translation>
    </message>
    <message>
        <source>Connection lost after %1 (%2); resuming…</source>
        <translation>Spojení přerušeno po %1 (%2); navazuje se…</translation>
    </message>
    <message>
        <source>Connection lost after %1: %2. The partial file is kept; Retry resumes it.</source>
        <translation>Spojení přerušeno po %1: %2. Částečně stažený soubor zůstává; Opakovat na něj naváže.</translation>
    </message>
    <message>
        <source>The file is not on the server (HTTP 404).</source>
        <translation>Soubor na serveru není (HTTP 404).</translation>
    </message>
    <message>
        <source>The file is not on the server (HTTP 404 %1).</source>
        <translation>Soubor na serveru není (HTTP 404 %1).</translation>
    </message>
    <message>
        <source>Storage answered HTTP %1.</source>
        <translation>Úložiště odpovědělo HTTP %1.</translation>
    </message>
    <message>
        <source>Storage answered HTTP %1 (%2).</source>
        <translation>Úložiště odpovědělo HTTP %1 (%2).</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Ověřuje se…</translation>
    </message>
    <message>
        <source>Cancelled while verifying; the downloaded file is kept as .part and Retry verifies it again.</source>
        <translation>Zrušeno během ověřování; stažený soubor zůstává jako .part a Opakovat jej ověří znovu.</translation>
    </message>
    <message>
        <source>%1: %2. The downloaded file is kept as .part and Retry verifies it again.</source>
        <translation>%1: %2. Stažený soubor zůstává jako .part a Opakovat jej ověří znovu.</translation>
    </message>
    <message>
        <source>%1 is not valid gzip JSON lines: %2. %3</source>
        <translation>%1 nejsou platné řádky JSON ve formátu gzip: %2. %3</translation>
    </message>
    <message>
        <source>It was kept aside as %1.</source>
        <translation>Byl odložen stranou jako %1.</translation>
    </message>
    <message>
        <source>It stays as %1.</source>
        <translation>Zůstává jako %1.</translation>
    </message>
    <message>
        <source>Verified, but could not rename %1 to %2.</source>
        <translation>Ověřeno, ale %1 se nepodařilo přejmenovat na %2.</translation>
    </message>
    <message>
        <source>%L1 lines · %2 → %3</source>
        <translation>řádků: %L1 · %2 → %3</translation>
    </message>
    <message>
        <source>Cancelled before it started.</source>
        <translation>Zrušeno před zahájením.</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>Čeká…</translation>
    </message>
</context>
<context>
    <name>DownloadJobModel</name>
    <message>
        <source>%1
Partition: %2</source>
        <translation>%1
Oddíl: %2</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 · %2/s</source>
        <translation>%1 · %2/s</translation>
    </message>
    <message>
        <source>%1 · %2 left</source>
        <translation>%1 · zbývá %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Název</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>Oddíl</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Velikost</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Průběh</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stav</translation>
    </message>
</context>
<context>
    <name>DownloadManager</name>
    <message>
        <source>The manifest has no usable rootDirectory, so there is nothing to download from.</source>
        <translation>Manifest nemá použitelný rootDirectory, není tedy odkud stahovat.</translation>
    </message>
    <message>
        <source>The manifest&apos;s storage location (%1) is not https; the files are not downloaded over an unencrypted link.</source>
        <translation>Umístění úložiště v manifestu (%1) nepoužívá https; soubory se přes nešifrované spojení nestahují.</translation>
    </message>
    <message>
        <source>No folder was chosen.</source>
        <translation>Nebyla vybrána žádná složka.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Složka %1 neexistuje.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to: %2.</source>
        <translation>Do složky %1 nelze zapisovat: %2.</translation>
    </message>
    <message>
        <source>The files need %1 but only %2 is free in %3.</source>
        <translation>Soubory potřebují %1, ale v %3 je volných jen %2.</translation>
    </message>
</context>
<context>
    <name>DownloadState</name>
    <message>
        <source>Waiting</source>
        <translation>Čeká</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Stahuje se</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Ověřuje se</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Ověřeno</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Selhalo</translation>
    </message>
    <message>
        <source>Corrupt</source>
        <translation>Poškozeno</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Zrušeno</translation>
    </message>
</context>
<context>
    <name>ElidedLabel</name>
    <message>
        <source>Copy</source>
        <translation>Kopírovat</translation>
    </message>
</context>
<context>
    <name>ExportRequest</name>
    <message>
        <source>Billed usage</source>
        <translation>Fakturovaná spotřeba</translation>
    </message>
    <message>
        <source>Unbilled usage</source>
        <translation>Nefakturovaná spotřeba</translation>
    </message>
    <message>
        <source>Billed reconciliation</source>
        <translation>Fakturované vyúčtování</translation>
    </message>
    <message>
        <source>Unbilled reconciliation</source>
        <translation>Nefakturované vyúčtování</translation>
    </message>
    <message>
        <source>Enter the invoice id, for example G016907411.</source>
        <translation>Zadejte ID faktury, například G016907411.</translation>
    </message>
    <message>
        <source>“%1” is not an invoice id: expected a letter followed by 9 to 11 digits, for example G016907411.</source>
        <translation>„%1“ není ID faktury: očekává se písmeno a za ním 9 až 11 číslic, například G016907411.</translation>
    </message>
    <message>
        <source>Enter the invoice currency, for example USD.</source>
        <translation>Zadejte měnu faktury, například USD.</translation>
    </message>
    <message>
        <source>“%1” is not a currency code: expected 3 letters (ISO 4217), for example USD.</source>
        <translation>„%1“ není kód měny: očekávají se 3 písmena (ISO 4217), například USD.</translation>
    </message>
    <message>
        <source>Choose the billing period: current or last.</source>
        <translation>Zvolte fakturační období: aktuální, nebo minulé.</translation>
    </message>
    <message>
        <source>“%1” is not a billing period: expected current or last.</source>
        <translation>„%1“ není fakturační období: očekává se current (aktuální) nebo last (minulé).</translation>
    </message>
    <message>
        <source>“%1” is not an attribute set: expected full or basic.</source>
        <translation>„%1“ není sada atributů: očekává se full (úplná) nebo basic (základní).</translation>
    </message>
    <message>
        <source>“%1” is not an ISO 4217 currency; use the invoice&apos;s currency code, for example USD or EUR.</source>
        <translation>„%1“ není měna podle ISO 4217; použijte kód měny z faktury, například USD nebo EUR.</translation>
    </message>
</context>
<context>
    <name>ExportStarter</name>
    <message>
        <source>The export was not started: %1</source>
        <translation>Export nebyl spuštěn: %1</translation>
    </message>
    <message>
        <source>If Graph received the request it may run the export anyway, but without its Location it cannot be tracked.</source>
        <translation>Pokud Graph požadavek přijal, může export přesto proběhnout, ale bez jeho Location jej nelze sledovat.</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>ID požadavku: %1</translation>
    </message>
    <message>
        <source>Graph accepted the export but sent no operation Location; nothing to track.</source>
        <translation>Graph export přijal, ale neposlal Location operace; není co sledovat.</translation>
    </message>
    <message>
        <source>Graph accepted the export but its Location “%1” names no operation; nothing to track.</source>
        <translation>Graph export přijal, ale jeho Location „%1“ neuvádí žádnou operaci; není co sledovat.</translation>
    </message>
</context>
<context>
    <name>FetchOutcome</name>
    <message>
        <source>Graph&apos;s answer is not an operation: %1</source>
        <translation>Odpověď Graphu není operace: %1</translation>
    </message>
    <message>
        <source>Graph answered about operation %1 instead of %2.</source>
        <translation>Graph odpověděl o operaci %1 místo %2.</translation>
    </message>
</context>
<context>
    <name>FolderPathNotice</name>
    <message>
        <source>No file manager could open the folder. It is here:</source>
        <translation>Složku se nepodařilo otevřít v žádném správci souborů. Najdete ji zde:</translation>
    </message>
    <message>
        <source>Folder path</source>
        <translation>Cesta ke složce</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Kopírovat cestu</translation>
    </message>
</context>
<context>
    <name>GraphClient</name>
    <message>
        <source>Graph&apos;s answer took longer than %1 s in all, so it was abandoned.</source>
        <translation>Odpověď Graphu trvala celkem déle než %1 s, a proto se na ni přestalo čekat.</translation>
    </message>
    <message>
        <source>Graph rejected the request as malformed.</source>
        <translation>Graph odmítl požadavek jako chybně utvořený.</translation>
    </message>
    <message>
        <source>Graph did not accept the sign-in; sign in again or check the token.</source>
        <translation>Graph nepřijal přihlášení; přihlaste se znovu nebo zkontrolujte token.</translation>
    </message>
    <message>
        <source>The account may not read partner billing data (PartnerBilling.Read.All and a billing role are needed).</source>
        <translation>Účet nesmí číst partnerská fakturační data (je potřeba PartnerBilling.Read.All a fakturační role).</translation>
    </message>
    <message>
        <source>Graph does not know this operation (any more).</source>
        <translation>Graph tuto operaci nezná (už ne).</translation>
    </message>
    <message>
        <source>Graph has removed this operation.</source>
        <translation>Graph tuto operaci odstranil.</translation>
    </message>
    <message>
        <source>Graph is throttling requests; checks wait until it allows them again.</source>
        <translation>Graph omezuje požadavky; kontroly počkají, dokud je znovu nepovolí.</translation>
    </message>
    <message>
        <source>Graph is temporarily unavailable; checks wait until it allows them again.</source>
        <translation>Graph je dočasně nedostupný; kontroly počkají, dokud je znovu nepovolí.</translation>
    </message>
    <message>
        <source>Graph is temporarily unavailable; retrying with backoff.</source>
        <translation>Graph je dočasně nedostupný; opakuje se s prodlevou.</translation>
    </message>
    <message>
        <source>Graph had a server error; retrying with backoff.</source>
        <translation>Graph měl chybu serveru; opakuje se s prodlevou.</translation>
    </message>
    <message>
        <source>Graph answered with an unexpected HTTP status.</source>
        <translation>Graph odpověděl neočekávaným stavem HTTP.</translation>
    </message>
    <message>
        <source>Reply too large: the server sent more than %1 MiB, so it was not read.</source>
        <translation>Odpověď je příliš velká: server poslal víc než %1 MiB, proto nebyla přečtena.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Požadavek byl zrušen.</translation>
    </message>
    <message>
        <source>Graph did not answer within %1 s.</source>
        <translation>Graph neodpověděl do %1 s.</translation>
    </message>
    <message>
        <source>The server redirected to %1, another origin; the redirect was not followed, so the token stays with Graph.</source>
        <translation>Server přesměroval na %1, tedy jinam; přesměrování se nenásledovalo, token proto zůstává u Graphu.</translation>
    </message>
    <message>
        <source>Could not reach Graph: %1</source>
        <translation>Graph je nedostupný: %1</translation>
    </message>
    <message>
        <source>The answer broke off: %1</source>
        <translation>Odpověď se přerušila: %1</translation>
    </message>
</context>
<context>
    <name>GraphEndpoint</name>
    <message>
        <source>The Graph address is empty.</source>
        <translation>Adresa Graphu je prázdná.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a web address such as %2.</source>
        <translation>„%1“ není webová adresa, jako je %2.</translation>
    </message>
    <message>
        <source>The Graph address must start with https:// (not %1://).</source>
        <translation>Adresa Graphu musí začínat https:// (ne %1://).</translation>
    </message>
    <message>
        <source>Plain http:// would send the token unencrypted; it is only allowed to this computer (localhost, 127.0.0.1, ::1). Use https://%1.</source>
        <translation>Prosté http:// by token posílalo nešifrovaně; je povoleno jen k tomuto počítači (localhost, 127.0.0.1, ::1). Použijte https://%1.</translation>
    </message>
    <message>
        <source>The Graph address must not contain a user name or password.</source>
        <translation>Adresa Graphu nesmí obsahovat uživatelské jméno ani heslo.</translation>
    </message>
    <message>
        <source>The Graph address is scheme, host and port only (%1); put the API version in its own field, not &quot;%2&quot;.</source>
        <translation>Adresa Graphu je jen schéma, server a port (%1); verzi API zadejte do jejího vlastního pole, ne „%2“.</translation>
    </message>
    <message>
        <source>The Graph address must not contain &apos;?&apos; or &apos;#&apos;.</source>
        <translation>Adresa Graphu nesmí obsahovat „?“ ani „#“.</translation>
    </message>
    <message>
        <source>The API version must be v1.0 or beta, not &quot;%1&quot;.</source>
        <translation>Verze API musí být v1.0 nebo beta, ne „%1“.</translation>
    </message>
    <message>
        <source>the US Government cloud</source>
        <translation>cloudu vlády USA</translation>
    </message>
    <message>
        <source>the China cloud (21Vianet)</source>
        <translation>čínskému cloudu (21Vianet)</translation>
    </message>
    <message>
        <source>%1 belongs to %2. Partner billing is available in the global cloud only (login.microsoftonline.com, graph.microsoft.com).</source>
        <translation>%1 patří %2. Partnerská fakturace je dostupná jen v globálním cloudu (login.microsoftonline.com, graph.microsoft.com).</translation>
    </message>
</context>
<context>
    <name>GraphJson</name>
    <message>
        <source>The reply is empty</source>
        <translation>Odpověď je prázdná</translation>
    </message>
    <message>
        <source>The reply is not JSON: %1 at offset %2</source>
        <translation>Odpověď není JSON: %1 na pozici %2</translation>
    </message>
    <message>
        <source>The reply is a JSON array, not an object</source>
        <translation>Odpověď je pole JSON, ne objekt</translation>
    </message>
    <message>
        <source>The reply is not a JSON object</source>
        <translation>Odpověď není objekt JSON</translation>
    </message>
    <message>
        <source>The reply has no operation id</source>
        <translation>Odpověď nemá ID operace</translation>
    </message>
    <message>
        <source>The reply&apos;s operation id is not a string: %1</source>
        <translation>ID operace v odpovědi není řetězec: %1</translation>
    </message>
    <message>
        <source>The reply&apos;s operation id is not a GUID: &quot;%1&quot;</source>
        <translation>ID operace v odpovědi není GUID: „%1“</translation>
    </message>
    <message>
        <source>The reply has neither a status nor a known @odata.type</source>
        <translation>Odpověď nemá stav ani známý @odata.type</translation>
    </message>
    <message>
        <source>The manifest has no rootDirectory</source>
        <translation>Manifest nemá rootDirectory</translation>
    </message>
    <message>
        <source>The manifest has no list of blobs</source>
        <translation>Manifest nemá seznam blobů</translation>
    </message>
    <message>
        <source>Blob %1 of the manifest has no name</source>
        <translation>Blob %1 manifestu nemá název</translation>
    </message>
</context>
<context>
    <name>GroupTableModel</name>
    <message>
        <source>(none)</source>
        <translation>(žádné)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Název</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Řádky</translation>
    </message>
    <message>
        <source>Total (no currency)</source>
        <translation>Celkem (bez měny)</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Celkem %1</translation>
    </message>
</context>
<context>
    <name>GuiApplication</name>
    <message>
        <source>Tracks Microsoft Graph partner-billing export operations.</source>
        <translation>Sleduje operace exportu partnerské fakturace v Microsoft Graphu.</translation>
    </message>
    <message>
        <source>Run on the built-in Graph simulator with sample operations.</source>
        <translation>Spustit na vestavěném simulátoru Graphu s ukázkovými operacemi.</translation>
    </message>
    <message>
        <source>With --demo: load this simulator scenario instead.</source>
        <translation>S --demo: načíst místo výchozího tento scénář simulátoru.</translation>
    </message>
    <message>
        <source>Operation ids or URLs to track at once.</source>
        <translation>ID nebo URL operací, které se mají hned sledovat.</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Ukázkový režim</translation>
    </message>
    <message>
        <source>With --demo: add this many operations with random timelines.</source>
        <translation>S --demo: přidat tolik operací s náhodným průběhem.</translation>
    </message>
    <message>
        <source>Open the Data view on this folder of export files.</source>
        <translation>Otevřít zobrazení dat pro tuto složku se soubory exportu.</translation>
    </message>
    <message>
        <source>Not signed in yet.</source>
        <translation>Zatím nepřihlášeno.</translation>
    </message>
    <message>
        <source>Handed over to the running window.</source>
        <translation>Předáno již spuštěnému oknu.</translation>
    </message>
    <message>
        <source>The running window was brought forward.</source>
        <translation>Spuštěné okno bylo přeneseno do popředí.</translation>
    </message>
    <message>
        <source>Sign in to Microsoft with the account button on the toolbar (Settings, Ctrl+, keeps your app registration), or set %1 to a token obtained elsewhere. To look around first, start billing-monitor --demo.</source>
        <translation>Přihlaste se k Microsoftu tlačítkem účtu na panelu nástrojů (registraci aplikace si pamatuje Nastavení, Ctrl+,), nebo nastavte %1 na token získaný jinde. Chcete-li se nejdřív jen rozhlédnout, spusťte billing-monitor --demo.</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <source>Move between the filter, the table and the details</source>
        <translation>Přejít mezi filtrem, tabulkou a podrobnostmi</translation>
    </message>
    <message>
        <source>Open the menu of the selected rows</source>
        <translation>Otevřít nabídku vybraných řádků</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Klávesové zkratky</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Akce</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Klávesy</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Klávesové zkratky</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Billing Monitor&lt;/h2&gt;&lt;p&gt;Billing Monitor follows Microsoft Graph partner-billing exports from the request to verified files on disk.&lt;/p&gt;&lt;h3&gt;Track operations&lt;/h3&gt;&lt;p&gt;Paste anything that holds operation ids anywhere in the window (Ctrl+V): bare GUIDs, operation URLs, &lt;i&gt;Location&lt;/i&gt; headers or whole lists. Ids already tracked are skipped. &lt;b&gt;File → New export&lt;/b&gt; (Ctrl+N) asks Graph for a new export and tracks it at once.&lt;/p&gt;&lt;h3&gt;Read the table&lt;/h3&gt;&lt;p&gt;Each status has its own colour and icon shape. An amber warning means the last request had a problem; the last known status stays. Type in the filter (Ctrl+F) or pick a quick filter to narrow the table; while a filter is on, the count beside it says how many rows are shown. Right-click the header to choose columns.&lt;/p&gt;&lt;h3&gt;Details, manifests and downloads&lt;/h3&gt;&lt;p&gt;Select a row to see its details (Ctrl+D shows or hides them): the whole error of a failed export, or the manifest and files of a succeeded one. Select files and press &lt;b&gt;Download selected&lt;/b&gt;, or &lt;b&gt;Download all&lt;/b&gt;; every file is verified before it is kept.&lt;/p&gt;&lt;h3&gt;Take the table along&lt;/h3&gt;&lt;p&gt;&lt;b&gt;File → Export table&lt;/b&gt; writes the rows and columns you see to an Excel workbook or a CSV file. &lt;b&gt;Edit → Copy rows&lt;/b&gt; (Ctrl+C) puts the selected rows on the clipboard, ready to paste into Excel.&lt;/p&gt;&lt;h3&gt;Polling&lt;/h3&gt;&lt;p&gt;Running exports are checked on their own, more often while they are young, and always as slowly as Graph asks. F5 checks everything now. Finished exports are not checked again; exports older than the expiry in Settings are marked expired.&lt;/p&gt;&lt;h3&gt;Appearance and language&lt;/h3&gt;&lt;p&gt;&lt;b&gt;View → Theme&lt;/b&gt; switches between the system&apos;s look, light and dark. Settings (Ctrl+,) also choose the language and whether closing the window keeps the app in the tray.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Billing Monitor&lt;/h2&gt;&lt;p&gt;Billing Monitor provází exporty partnerské fakturace z Microsoft Graphu od požadavku až po ověřené soubory na disku.&lt;/p&gt;&lt;h3&gt;Sledování operací&lt;/h3&gt;&lt;p&gt;Cokoli, co obsahuje ID operací, vložte kamkoli do okna (Ctrl+V): samotné GUID, URL operací, hlavičky &lt;i&gt;Location&lt;/i&gt; i celé seznamy. ID, která už sledujete, se přeskočí. &lt;b&gt;Soubor → Nový export&lt;/b&gt; (Ctrl+N) požádá Graph o nový export a hned jej začne sledovat.&lt;/p&gt;&lt;h3&gt;Čtení tabulky&lt;/h3&gt;&lt;p&gt;Každý stav má vlastní barvu a tvar ikony. Jantarové varování znamená, že poslední požadavek narazil na problém; poslední známý stav zůstává. Tabulku zúžíte psaním do filtru (Ctrl+F) nebo rychlým filtrem; dokud filtr platí, počet vedle něj říká, kolik řádků je zobrazeno. Sloupce vyberete pravým tlačítkem v záhlaví.&lt;/p&gt;&lt;h3&gt;Podrobnosti, manifesty a stahování&lt;/h3&gt;&lt;p&gt;Vyberte řádek a uvidíte jeho podrobnosti (Ctrl+D je skryje nebo zobrazí): celou chybu neúspěšného exportu nebo manifest a soubory úspěšného. Vyberte soubory a stiskněte &lt;b&gt;Stáhnout vybrané&lt;/b&gt;, nebo &lt;b&gt;Stáhnout vše&lt;/b&gt;; každý soubor se před uložením ověří.&lt;/p&gt;&lt;h3&gt;Tabulka s sebou&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Soubor → Exportovat tabulku&lt;/b&gt; zapíše řádky a sloupce, které vidíte, do sešitu Excelu nebo do souboru CSV. &lt;b&gt;Úpravy → Kopírovat řádky&lt;/b&gt; (Ctrl+C) vloží vybrané řádky do schránky, připravené k vložení do Excelu.&lt;/p&gt;&lt;h3&gt;Dotazování&lt;/h3&gt;&lt;p&gt;Probíhající exporty se kontrolují samy, častěji, dokud jsou čerstvé, a vždy tak pomalu, jak Graph žádá. F5 zkontroluje vše hned. Dokončené exporty se znovu nekontrolují; exporty starší než doba vypršení z Nastavení se označí jako vypršelé.&lt;/p&gt;&lt;h3&gt;Vzhled a jazyk&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Zobrazit → Motiv&lt;/b&gt; přepíná mezi vzhledem systému, světlým a tmavým. V Nastavení (Ctrl+,) zvolíte také jazyk a to, zda aplikace po zavření okna zůstane v oznamovací oblasti.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Uživatelská příručka</translation>
    </message>
    <message>
        <source>User Guide</source>
        <translation>Uživatelská příručka</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Billing Monitor %1&lt;/h3&gt;&lt;p&gt;Tracks Microsoft Graph partner-billing export operations from the request to verified files.&lt;/p&gt;&lt;p&gt;Built on %2 with Qt %3; running on Qt %4.&lt;br&gt;Licence: proprietary, all rights reserved. Qt is used under the GNU LGPL version 3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Billing Monitor %1&lt;/h3&gt;&lt;p&gt;Sleduje operace exportu partnerské fakturace v Microsoft Graphu od požadavku až po ověřené soubory.&lt;/p&gt;&lt;p&gt;Sestaveno %2 s Qt %3; běží na Qt %4.&lt;br&gt;Licence: proprietární, všechna práva vyhrazena. Qt se používá podle licence GNU LGPL verze 3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Billing Monitor</source>
        <translation>O aplikaci Billing Monitor</translation>
    </message>
</context>
<context>
    <name>LoopbackReceiver</name>
    <message>
        <source>Signed in to Billing Monitor</source>
        <translation>Přihlášeno do Billing Monitoru</translation>
    </message>
    <message>
        <source>Sign-in did not succeed</source>
        <translation>Přihlášení se nezdařilo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n operation(s) gave an address on another host.</source>
        <translation>
            <numerusform>%n operace uvedla adresu na jiném hostiteli.</numerusform>
            <numerusform>%n operace uvedly adresu na jiném hostiteli.</numerusform>
            <numerusform>%n operací uvedlo adresu na jiném hostiteli.</numerusform>
        </translation>
    </message>
    <message>
        <source>Their Location is not on the configured Graph (%1), so it is never requested: they are checked there by id instead. The Location is kept in the id&apos;s tooltip. First: %2</source>
        <translation>Jejich Location není na nastaveném Graphu (%1), a proto se na ni nikdy neposílá požadavek: kontrolují se tam podle id. Location zůstává v bublinové nápovědě id. První: %2</translation>
    </message>
    <message>
        <source>Billing Monitor</source>
        <translation>Billing Monitor</translation>
    </message>
    <message>
        <source>&lt;b&gt;Offline.&lt;/b&gt; Graph cannot be reached, so checks are paused. The table shows the last known status; checking resumes by itself when the network is back.</source>
        <translation>&lt;b&gt;Offline.&lt;/b&gt; Graph není dostupný, kontroly jsou proto pozastaveny. Tabulka ukazuje poslední známý stav; kontroly se samy obnoví, jakmile bude síť zpět.</translation>
    </message>
    <message>
        <source>Checking %1 now…</source>
        <translation>Kontroluje se %1…</translation>
    </message>
    <message>
        <source>Graph accepted the export %1; it is tracked now.</source>
        <translation>Graph přijal export %1; nyní se sleduje.</translation>
    </message>
    <message>
        <source>The export was not started.</source>
        <translation>Export nebyl spuštěn.</translation>
    </message>
    <message>
        <source>The list of operations could not be saved.</source>
        <translation>Seznam operací se nepodařilo uložit.</translation>
    </message>
    <message>
        <source>Saving works again.</source>
        <translation>Ukládání opět funguje.</translation>
    </message>
    <message>
        <source>&amp;Add Operations…</source>
        <translation>Přid&amp;at operace…</translation>
    </message>
    <message>
        <source>Type or paste operation ids into the input bar (Ctrl+L)</source>
        <translation>Napsat nebo vložit ID operací do vstupního pole (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Paste Operation Ids</source>
        <translation>&amp;Vložit ID operací</translation>
    </message>
    <message>
        <source>Track the operation ids on the clipboard (Ctrl+V)</source>
        <translation>Sledovat ID operací ze schránky (Ctrl+V)</translation>
    </message>
    <message>
        <source>&amp;Refresh Now</source>
        <translation>&amp;Obnovit vše</translation>
    </message>
    <message>
        <source>Check every running operation now (F5)</source>
        <translation>Hned zkontrolovat všechny probíhající operace (F5)</translation>
    </message>
    <message>
        <source>&amp;Check Selected Now</source>
        <translation>Zkontrolovat &amp;vybrané</translation>
    </message>
    <message>
        <source>Ask Graph for the selected operations now, finished and expired ones included (Shift+F5)</source>
        <translation>Hned se zeptat Graphu na vybrané operace, včetně dokončených a vypršelých (Shift+F5)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Odeb&amp;rat</translation>
    </message>
    <message>
        <source>Stop tracking the selected operations (Delete)</source>
        <translation>Přestat sledovat vybrané operace (Delete)</translation>
    </message>
    <message>
        <source>Remove &amp;Finished</source>
        <translation>Odebrat &amp;dokončené</translation>
    </message>
    <message>
        <source>Stop tracking every succeeded and failed operation</source>
        <translation>Přestat sledovat všechny úspěšné i neúspěšné operace</translation>
    </message>
    <message>
        <source>&amp;New Export…</source>
        <translation>&amp;Nový export…</translation>
    </message>
    <message>
        <source>Ask Graph for a billing export and track it (Ctrl+N)</source>
        <translation>Požádat Graph o export fakturace a sledovat jej (Ctrl+N)</translation>
    </message>
    <message>
        <source>Copy &amp;Ids</source>
        <translation>Kopírovat &amp;ID</translation>
    </message>
    <message>
        <source>Copy Manifest &amp;Link</source>
        <translation>Kopírovat odkaz na &amp;manifest</translation>
    </message>
    <message>
        <source>Manifest link copied.</source>
        <translation>Odkaz na manifest zkopírován.</translation>
    </message>
    <message>
        <source>&amp;Details Panel</source>
        <translation>&amp;Panel podrobností</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Nas&amp;tavení…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Ukončit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Soubor</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Úpr&amp;avy</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Zobrazit</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Nápo&amp;věda</translation>
    </message>
    <message>
        <source>&amp;About Billing Monitor</source>
        <translation>&amp;O aplikaci Billing Monitor</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hlavní</translation>
    </message>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>Filtr (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show only operations whose id, label, status or result contains this text</source>
        <translation>Zobrazit jen operace, jejichž ID, popisek, stav nebo výsledek obsahuje tento text</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo mode — built-in Graph simulator.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Ukázkový režim — vestavěný simulátor Graphu.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>The clipboard holds no text to read operation ids from.</source>
        <translation>Ve schránce není žádný text, ze kterého by šlo číst ID operací.</translation>
    </message>
    <message>
        <source>Checking every running operation now…</source>
        <translation>Kontrolují se všechny probíhající operace…</translation>
    </message>
    <message>
        <source>No finished operations to remove.</source>
        <translation>Žádné dokončené operace k odebrání.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Nastavení uloženo.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Sloupce</translation>
    </message>
    <message>
        <source>No operations tracked yet.

Paste operation ids, operation URLs or Location headers anywhere in this window (Ctrl+V), or start a new export (Ctrl+N).</source>
        <translation>Zatím se nesledují žádné operace.

Vložte ID operací, URL operací nebo hlavičky Location kamkoli do tohoto okna (Ctrl+V), nebo spusťte nový export (Ctrl+N).</translation>
    </message>
    <message>
        <source>No tracked operation matches “%1”.</source>
        <translation>Žádná sledovaná operace neodpovídá „%1“.</translation>
    </message>
    <message>
        <source>Tracked operations</source>
        <translation>Sledované operace</translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>&amp;Kopírovat řádky</translation>
    </message>
    <message>
        <source>Copy the selected rows as a table, ready to paste into Excel (Ctrl+C)</source>
        <translation>Zkopírovat vybrané řádky jako tabulku, připravenou k vložení do Excelu (Ctrl+C)</translation>
    </message>
    <message>
        <source>&amp;Export Table…</source>
        <translation>&amp;Exportovat tabulku…</translation>
    </message>
    <message>
        <source>Write the rows and columns shown to an Excel workbook or a CSV file (Ctrl+E)</source>
        <translation>Zapsat zobrazené řádky a sloupce do sešitu Excelu nebo souboru CSV (Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;Show Billing Monitor</source>
        <translation>&amp;Zobrazit Billing Monitor</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>Zo&amp;brazit</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Motiv</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Uživatelská příručka</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Klávesové zkratky</translation>
    </message>
    <message>
        <source>Copy &amp;Diagnostics</source>
        <translation>Kopírovat &amp;diagnostiku</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>O &amp;Qt</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtr</translation>
    </message>
    <message>
        <source>Show operations</source>
        <translation>Zobrazit operace</translation>
    </message>
    <message>
        <source>Show all operations, or only those in one state</source>
        <translation>Zobrazit všechny operace, nebo jen ty v jednom stavu</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Ukázkový režim</translation>
    </message>
    <message numerus="yes">
        <source>Stopped tracking %Ln operation(s); Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>Sledování %Ln operace ukončeno; Ctrl+Z ji vrátí.</numerusform>
            <numerusform>Sledování %Ln operací ukončeno; Ctrl+Z je vrátí.</numerusform>
            <numerusform>Sledování %Ln operací ukončeno; Ctrl+Z je vrátí.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %Ln finished operation(s); Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>Odebrána %Ln dokončená operace; Ctrl+Z ji vrátí.</numerusform>
            <numerusform>Odebrány %Ln dokončené operace; Ctrl+Z je vrátí.</numerusform>
            <numerusform>Odebráno %Ln dokončených operací; Ctrl+Z je vrátí.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checking %Ln operation(s) now…</source>
        <translation>
            <numerusform>Kontroluje se %Ln operace…</numerusform>
            <numerusform>Kontrolují se %Ln operace…</numerusform>
            <numerusform>Kontroluje se %Ln operací…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln id(s).</source>
        <translation>
            <numerusform>Zkopírováno %Ln ID.</numerusform>
            <numerusform>Zkopírována %Ln ID.</numerusform>
            <numerusform>Zkopírováno %Ln ID.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s); paste them into Excel or any spreadsheet.</source>
        <translation>
            <numerusform>Zkopírován %Ln řádek; vložte jej do Excelu nebo jiné tabulky.</numerusform>
            <numerusform>Zkopírovány %Ln řádky; vložte je do Excelu nebo jiné tabulky.</numerusform>
            <numerusform>Zkopírováno %Ln řádků; vložte je do Excelu nebo jiné tabulky.</numerusform>
        </translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Sešit Excelu (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>Exportovat tabulku</translation>
    </message>
    <message>
        <source>The table could not be written to %1:
%2</source>
        <translation>Tabulku se nepodařilo zapsat do %1:
%2</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %Ln row(s) to %1.</source>
        <translation>
            <numerusform>Do %1 zapsán %Ln řádek.</numerusform>
            <numerusform>Do %1 zapsány %Ln řádky.</numerusform>
            <numerusform>Do %1 zapsáno %Ln řádků.</numerusform>
        </translation>
    </message>
    <message>
        <source>Diagnostics copied: versions, settings (no secrets), where the data lives and the count per state.</source>
        <translation>Diagnostika zkopírována: verze, nastavení (bez tajných údajů), umístění dat a počty podle stavu.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 z %2</translation>
    </message>
    <message>
        <source>%1 of %2 operations shown</source>
        <translation>Zobrazeno %1 z %2 operací</translation>
    </message>
    <message>
        <source>No tracked operation is in “%1”.</source>
        <translation>Žádná sledovaná operace nepatří do „%1“.</translation>
    </message>
    <message>
        <source>Filt&amp;er</source>
        <translation>&amp;Filtr</translation>
    </message>
    <message numerus="yes">
        <source>Brought back %Ln operation(s).</source>
        <translation>
            <numerusform>Vrácena %Ln operace.</numerusform>
            <numerusform>Vráceny %Ln operace.</numerusform>
            <numerusform>Vráceno %Ln operací.</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit La&amp;bel</source>
        <translation>Upravit &amp;popisek</translation>
    </message>
    <message>
        <source>&amp;Open Export Folder…</source>
        <translation>&amp;Otevřít složku s exporty…</translation>
    </message>
    <message>
        <source>Summarise, chart and convert a folder of downloaded export files</source>
        <translation>Shrnout, zobrazit v grafech a převést složku stažených souborů exportu</translation>
    </message>
    <message>
        <source>Show &amp;Data</source>
        <translation>Zobrazit &amp;data</translation>
    </message>
    <message>
        <source>Summarise, chart and convert the files downloaded for the selected operation</source>
        <translation>Shrnout, zobrazit v grafech a převést soubory stažené pro vybranou operaci</translation>
    </message>
    <message>
        <source>Open Export Folder</source>
        <translation>Otevřít složku s exporty</translation>
    </message>
    <message>
        <source>No files yet</source>
        <translation>Zatím žádné soubory</translation>
    </message>
    <message>
        <source>Download this operation&apos;s files first, or open a folder of export files with File → Open Export Folder…</source>
        <translation>Nejprve stáhněte soubory této operace, nebo otevřete složku se soubory exportu přes Soubor → Otevřít složku s exporty…</translation>
    </message>
    <message>
        <source>Saved operations.</source>
        <translation>Uložené operace.</translation>
    </message>
    <message numerus="yes">
        <source>Operations added by another program: %n.</source>
        <translation>
            <numerusform>Operace přidané jiným programem: %n.</numerusform>
            <numerusform>Operace přidané jiným programem: %n.</numerusform>
            <numerusform>Operace přidané jiným programem: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ManifestLoader</name>
    <message>
        <source>The manifest link points to %1, which is not the Graph endpoint (%2), so it is not fetched: your token goes to Graph only. </source>
        <translation>Odkaz na manifest vede na %1, což není koncový bod Graphu (%2), proto se nestahuje: váš token jde jen do Graphu. </translation>
    </message>
    <message>
        <source>The manifest %1 is read from Graph instead.</source>
        <translation>Manifest %1 se místo toho načte z Graphu.</translation>
    </message>
    <message>
        <source>The link names no manifest id, so Graph is asked for the manifest with the operation&apos;s id.</source>
        <translation>Odkaz neuvádí ID manifestu, Graph se proto žádá o manifest podle ID operace.</translation>
    </message>
    <message>
        <source>Could not load the manifest from %1: %2</source>
        <translation>Manifest se nepodařilo načíst z %1: %2</translation>
    </message>
    <message>
        <source>The manifest from %1 could not be read: %2</source>
        <translation>Manifest z %1 nešel přečíst: %2</translation>
    </message>
    <message>
        <source>Could not fetch the operation again for a fresh manifest: %1</source>
        <translation>Operaci se nepodařilo znovu načíst pro čerstvý manifest: %1</translation>
    </message>
    <message>
        <source>The operation could not be read: %1</source>
        <translation>Operaci nešlo přečíst: %1</translation>
    </message>
    <message>
        <source>Graph now reports the operation as &quot;%1&quot;; it has no manifest.</source>
        <translation>Graph teď hlásí operaci jako „%1“; nemá žádný manifest.</translation>
    </message>
</context>
<context>
    <name>ManifestPanel</name>
    <message>
        <source>Also decompress to .jsonl</source>
        <translation>Také rozbalit do .jsonl</translation>
    </message>
    <message>
        <source>Refresh manifest</source>
        <translation>Obnovit manifest</translation>
    </message>
    <message>
        <source>Copy manifest JSON</source>
        <translation>Kopírovat JSON manifestu</translation>
    </message>
    <message>
        <source>Open manifest</source>
        <translation>Otevřít manifest</translation>
    </message>
    <message>
        <source>Download selected…</source>
        <translation>Stáhnout vybrané…</translation>
    </message>
    <message>
        <source>Download all…</source>
        <translation>Stáhnout vše…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Zrušit</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Zopakovat neúspěšné</translation>
    </message>
    <message>
        <source>Refresh manifest and retry</source>
        <translation>Obnovit manifest a zkusit znovu</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Otevřít složku</translation>
    </message>
    <message>
        <source>Manifest id</source>
        <translation>ID manifestu</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Verze schématu</translation>
    </message>
    <message>
        <source>Data format</source>
        <translation>Formát dat</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Vytvořeno</translation>
    </message>
    <message>
        <source>eTag</source>
        <translation>eTag</translation>
    </message>
    <message>
        <source>Partner tenant</source>
        <translation>Partnerský tenant</translation>
    </message>
    <message>
        <source>Partition type</source>
        <translation>Typ oddílu</translation>
    </message>
    <message>
        <source>Root directory</source>
        <translation>Kořenový adresář</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Soubory</translation>
    </message>
    <message>
        <source>Link expires</source>
        <translation>Platnost odkazu</translation>
    </message>
    <message>
        <source>The export&apos;s files are listed here once it has succeeded.</source>
        <translation>Soubory exportu se zde zobrazí, jakmile export uspěje.</translation>
    </message>
    <message>
        <source>Select a succeeded export to see its files.</source>
        <translation>Vyberte úspěšný export a zobrazí se jeho soubory.</translation>
    </message>
    <message numerus="yes">
        <source>Manifest refreshed; retrying %n file(s).</source>
        <translation>
            <numerusform>Manifest obnoven; %n soubor se stahuje znovu.</numerusform>
            <numerusform>Manifest obnoven; %n soubory se stahují znovu.</numerusform>
            <numerusform>Manifest obnoven; %n souborů se stahuje znovu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refreshing the manifest…</source>
        <translation>Obnovuje se manifest…</translation>
    </message>
    <message>
        <source>Loading the manifest…</source>
        <translation>Načítá se manifest…</translation>
    </message>
    <message>
        <source>Manifest included in the operation.</source>
        <translation>Manifest je součástí operace.</translation>
    </message>
    <message>
        <source>Manifest loaded from Graph.</source>
        <translation>Manifest načten z Graphu.</translation>
    </message>
    <message>
        <source>%1 (the manifest lists %2)</source>
        <translation>%1 (manifest uvádí %2)</translation>
    </message>
    <message>
        <source>unknown (the link has no readable expiry)</source>
        <translation>neznámá (odkaz nemá čitelnou dobu platnosti)</translation>
    </message>
    <message>
        <source>in %1 (%2)</source>
        <translation>za %1 (%2)</translation>
    </message>
    <message>
        <source>expired %1</source>
        <translation>vypršela %1</translation>
    </message>
    <message>
        <source>⚠ The download link expired at %1; refresh the manifest to get a new one.</source>
        <translation>⚠ Odkaz ke stažení vypršel %1; obnovte manifest a získáte nový.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 z %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>zbývá %1</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n selhal</numerusform>
            <numerusform>%n selhaly</numerusform>
            <numerusform>%n selhalo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n zrušen</numerusform>
            <numerusform>%n zrušeny</numerusform>
            <numerusform>%n zrušeno</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Storage refused the download link; refresh the manifest to get a new one.</source>
        <translation>⚠ Úložiště odmítlo odkaz ke stažení; obnovte manifest a získáte nový.</translation>
    </message>
    <message>
        <source>Manifest JSON copied (it includes the download link&apos;s SAS).</source>
        <translation>JSON manifestu zkopírován (obsahuje SAS odkazu ke stažení).</translation>
    </message>
    <message numerus="yes">
        <source>Download finished: %1 of %n files verified.</source>
        <translation>
            <numerusform>Stahování dokončeno: ověřeno %1 z %n souboru.</numerusform>
            <numerusform>Stahování dokončeno: ověřeno %1 z %n souborů.</numerusform>
            <numerusform>Stahování dokončeno: ověřeno %1 z %n souborů.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n files done</source>
        <translation>
            <numerusform>hotovo %1 z %n souboru</numerusform>
            <numerusform>hotovo %1 z %n souborů</numerusform>
            <numerusform>hotovo %1 z %n souborů</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n files verified (%L2 lines, %3 compressed, %4 uncompressed)</source>
        <translation>
            <numerusform>ověřeno %1 z %n souboru (%L2 řádků, %3 komprimováno, %4 nekomprimováno)</numerusform>
            <numerusform>ověřeno %1 z %n souborů (%L2 řádků, %3 komprimováno, %4 nekomprimováno)</numerusform>
            <numerusform>ověřeno %1 z %n souborů (%L2 řádků, %3 komprimováno, %4 nekomprimováno)</numerusform>
        </translation>
    </message>
    <message>
        <source>Download the files to</source>
        <translation>Stáhnout soubory do</translation>
    </message>
    <message numerus="yes">
        <source>%n files of this export are already in %1. Download them again and replace them?</source>
        <translation>
            <numerusform>%n soubor tohoto exportu už je v %1. Stáhnout ho znovu a nahradit?</numerusform>
            <numerusform>%n soubory tohoto exportu už jsou v %1. Stáhnout je znovu a nahradit?</numerusform>
            <numerusform>%n souborů tohoto exportu už je v %1. Stáhnout je znovu a nahradit?</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace downloaded files?</source>
        <translation>Nahradit stažené soubory?</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Download failed: none of the %n files arrived. %1</source>
        <translation>
            <numerusform>Stažení selhalo: %n soubor nedorazil. %1</numerusform>
            <numerusform>Stažení selhalo: žádný z %n souborů nedorazil. %1</numerusform>
            <numerusform>Stažení selhalo: žádný z %n souborů nedorazil. %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Download finished: %1 of %n files verified; %2</source>
        <translation>
            <numerusform>Stažení dokončeno: ověřeno %1 z %n souboru; %2</numerusform>
            <numerusform>Stažení dokončeno: ověřeno %1 z %n souborů; %2</numerusform>
            <numerusform>Stažení dokončeno: ověřeno %1 z %n souborů; %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Download failed: none of the %n files arrived.</source>
        <translation>
            <numerusform>Stažení selhalo: %n soubor nedorazil.</numerusform>
            <numerusform>Stažení selhalo: žádný z %n souborů nedorazil.</numerusform>
            <numerusform>Stažení selhalo: žádný z %n souborů nedorazil.</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Složka: %1</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Close</source>
        <translation>Zavřít</translation>
    </message>
</context>
<context>
    <name>NewExportDialog</name>
    <message>
        <source>Asking Graph to start the export…</source>
        <translation>Žádá se Graph o spuštění exportu…</translation>
    </message>
    <message>
        <source>&amp;Start export</source>
        <translation>&amp;Spustit export</translation>
    </message>
    <message>
        <source>New export</source>
        <translation>Nový export</translation>
    </message>
    <message>
        <source>Graph prepares the billing data as files, which usually takes minutes to hours. The new operation is tracked as soon as Graph accepts the request.</source>
        <translation>Graph připraví fakturační data jako soubory, což obvykle trvá minuty až hodiny. Nová operace se začne sledovat, jakmile Graph požadavek přijme.</translation>
    </message>
    <message>
        <source>&amp;Export:</source>
        <translation>&amp;Export:</translation>
    </message>
    <message>
        <source>e.g. G016907411</source>
        <translation>např. G016907411</translation>
    </message>
    <message>
        <source>The invoice number as shown in Partner Center: a letter followed by digits.</source>
        <translation>Číslo faktury tak, jak je uvedeno v Partner Center: písmeno a za ním číslice.</translation>
    </message>
    <message>
        <source>&amp;Invoice:</source>
        <translation>&amp;Faktura:</translation>
    </message>
    <message>
        <source>e.g. USD</source>
        <translation>např. USD</translation>
    </message>
    <message>
        <source>The ISO 4217 code of the currency the charges are billed in.</source>
        <translation>Kód měny podle ISO 4217, ve které se poplatky fakturují.</translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation>&amp;Měna:</translation>
    </message>
    <message>
        <source>Current (still in progress)</source>
        <translation>Aktuální (stále probíhá)</translation>
    </message>
    <message>
        <source>Last (the previous period)</source>
        <translation>Minulé (předchozí období)</translation>
    </message>
    <message>
        <source>Billing &amp;period:</source>
        <translation>Fakturační &amp;období:</translation>
    </message>
    <message>
        <source>Full: every column</source>
        <translation>Úplná: všechny sloupce</translation>
    </message>
    <message>
        <source>Basic: the common columns</source>
        <translation>Základní: běžné sloupce</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>&amp;Sloupce:</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Export failed</source>
        <translation>Export selhal</translation>
    </message>
    <message>
        <source>Export ready</source>
        <translation>Export je připraven</translation>
    </message>
    <message>
        <source>“%1” failed. Select it to see the error.</source>
        <translation>„%1“ selhal. Vyberte jej a uvidíte chybu.</translation>
    </message>
    <message>
        <source>“%1” succeeded; its manifest is ready.</source>
        <translation>„%1“ uspěl; jeho manifest je připraven.</translation>
    </message>
    <message numerus="yes">
        <source>%n exports finished</source>
        <translation>
            <numerusform>%n export skončil</numerusform>
            <numerusform>%n exporty skončily</numerusform>
            <numerusform>%n exportů skončilo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n succeeded</source>
        <translation>
            <numerusform>%n úspěšný</numerusform>
            <numerusform>%n úspěšné</numerusform>
            <numerusform>%n úspěšných</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n neúspěšný</numerusform>
            <numerusform>%n neúspěšné</numerusform>
            <numerusform>%n neúspěšných</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OAuthClient</name>
    <message>
        <source>Entra ID&apos;s answer is not a JSON object (HTTP %1).</source>
        <translation>Odpověď Entra ID není objekt JSON (HTTP %1).</translation>
    </message>
    <message>
        <source>Entra ID&apos;s answer has no access token or no expiry.</source>
        <translation>Odpověď Entra ID neobsahuje přístupový token nebo dobu platnosti.</translation>
    </message>
</context>
<context>
    <name>OperationFilterProxy</name>
    <message>
        <source>All</source>
        <translation>Vše</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>Nedokončené</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Úspěšné</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Neúspěšné</translation>
    </message>
    <message>
        <source>With a problem</source>
        <translation>S problémem</translation>
    </message>
</context>
<context>
    <name>OperationStore</name>
    <message>
        <source>; and %1 more</source>
        <translation> a dalších %1</translation>
    </message>
    <message>
        <source>The list of tracked operations (%1) could not be used: %2.</source>
        <translation>Seznam sledovaných operací (%1) nelze použít: %2.</translation>
    </message>
    <message>
        <source>Left out: %1.</source>
        <translation>Vynecháno: %1.</translation>
    </message>
    <message>
        <source>It was moved to %1; the list starts empty.</source>
        <translation>Byl přesunut do %1; seznam začíná prázdný.</translation>
    </message>
    <message>
        <source>The folder for the list of tracked operations, %1, could not be created, so nothing will be saved.</source>
        <translation>Složku pro seznam sledovaných operací %1 se nepodařilo vytvořit, proto se nic neuloží.</translation>
    </message>
    <message>
        <source>It could not be set aside (%1), so it is left untouched and changes made now will not be saved.</source>
        <translation>Nepodařilo se ho odložit stranou (%1), proto zůstává nedotčený a změny provedené teď se neuloží.</translation>
    </message>
    <message>
        <source>A new list could not be created either (%1), so changes made now will not be saved.</source>
        <translation>Nový seznam se také nepodařilo vytvořit (%1), proto se změny provedené teď neuloží.</translation>
    </message>
    <message>
        <source>The old list of tracked operations %1 is %2 MB, more than the %3 MB this version imports, so it was not read and is left as it is. Paste its ids into the window in parts instead.</source>
        <translation>Starý seznam sledovaných operací %1 má %2 MB, víc než %3 MB, které tato verze importuje, proto nebyl načten a zůstává beze změny. Vložte jeho ID do okna raději po částech.</translation>
    </message>
    <message>
        <source>The old list of tracked operations %1 could not be read (%2); it is left as it is.</source>
        <translation>Starý seznam sledovaných operací %1 se nepodařilo přečíst (%2); zůstává beze změny.</translation>
    </message>
    <message>
        <source>The old list of tracked operations %1 could not be imported: %2.</source>
        <translation>Starý seznam sledovaných operací %1 se nepodařilo importovat: %2.</translation>
    </message>
    <message>
        <source>It was moved to %1.</source>
        <translation>Byl přesunut do %1.</translation>
    </message>
    <message>
        <source>It is left where it is.</source>
        <translation>Zůstává na svém místě.</translation>
    </message>
    <message>
        <source>The old list of tracked operations %1 could not be imported (%2); it is left where it is and will be tried again next time.</source>
        <translation>Starý seznam sledovaných operací %1 se nepodařilo importovat (%2); zůstává na svém místě a import se příště zkusí znovu.</translation>
    </message>
    <message numerus="yes">
        <source>Operations imported from the list an earlier version kept (format version %1): %n.</source>
        <translation>
            <numerusform>Operace importované ze seznamu starší verze (verze formátu %1): %n.</numerusform>
            <numerusform>Operace importované ze seznamu starší verze (verze formátu %1): %n.</numerusform>
            <numerusform>Operace importované ze seznamu starší verze (verze formátu %1): %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>The old file is kept as %1.</source>
        <translation>Starý soubor je uchován jako %1.</translation>
    </message>
    <message>
        <source>The old file %1 could not be renamed and will be imported again next time (nothing is added twice).</source>
        <translation>Starý soubor %1 se nepodařilo přejmenovat, proto se příště importuje znovu (nic se nepřidá dvakrát).</translation>
    </message>
    <message>
        <source>The list of tracked operations cannot be saved: %1 could not be opened or set aside.</source>
        <translation>Seznam sledovaných operací nelze uložit: %1 se nepodařilo otevřít ani odložit stranou.</translation>
    </message>
</context>
<context>
    <name>OperationTableModel</name>
    <message>
        <source>No longer polled; start a new export or check it again by hand.</source>
        <translation>Už se nedotazuje; spusťte nový export nebo ji zkontrolujte ručně.</translation>
    </message>
    <message>
        <source>Duration from creation to the last action</source>
        <translation>Doba od vytvoření do poslední akce</translation>
    </message>
    <message>
        <source>Time since the operation was created</source>
        <translation>Doba od vytvoření operace</translation>
    </message>
    <message>
        <source>Operation id</source>
        <translation>ID operace</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Popisek</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stav</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Vytvořeno</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Poslední akce</translation>
    </message>
    <message>
        <source>Age / duration</source>
        <translation>Stáří / trvání</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>Naposledy zkontrolováno</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Výsledek</translation>
    </message>
</context>
<context>
    <name>PollScheduler</name>
    <message>
        <source>Offline: the checks will go out when the network is back.</source>
        <translation>Offline: kontroly se odešlou, jakmile bude síť zpět.</translation>
    </message>
    <message>
        <source>Polling is paused: the checks will go out when it resumes.</source>
        <translation>Dotazování je pozastaveno: kontroly se odešlou, až se obnoví.</translation>
    </message>
    <message>
        <source>Throttled by Graph until %1; the refresh will go out then.</source>
        <translation>Graph omezil dotazy do %1; obnovení se odešle potom.</translation>
    </message>
    <message>
        <source>Nothing to refresh: every operation has finished or expired.</source>
        <translation>Není co obnovovat: všechny operace skončily nebo vypršely.</translation>
    </message>
    <message>
        <source>Operation %1 is not tracked.</source>
        <translation>Operace %1 se nesleduje.</translation>
    </message>
    <message>
        <source>Operation %1 is being checked right now.</source>
        <translation>Operace %1 se právě kontroluje.</translation>
    </message>
    <message numerus="yes">
        <source>Checking %n operations at %1 per second takes about %2 s.</source>
        <translation>
            <numerusform>Kontrola %n operace rychlostí %1 za sekundu potrvá asi %2 s.</numerusform>
            <numerusform>Kontrola %n operací rychlostí %1 za sekundu potrvá asi %2 s.</numerusform>
            <numerusform>Kontrola %n operací rychlostí %1 za sekundu potrvá asi %2 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Graph no longer knows this operation (HTTP %1, %n times in a row); start a new export.</source>
        <translation>
            <numerusform>Graph tuto operaci už nezná (HTTP %1, %n× za sebou); spusťte nový export.</numerusform>
            <numerusform>Graph tuto operaci už nezná (HTTP %1, %n× za sebou); spusťte nový export.</numerusform>
            <numerusform>Graph tuto operaci už nezná (HTTP %1, %n× za sebou); spusťte nový export.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>Not signed in or the sign-in expired</source>
        <translation>Nepřihlášeno nebo přihlášení vypršelo</translation>
    </message>
    <message>
        <source>Access denied</source>
        <translation>Přístup odepřen</translation>
    </message>
    <message>
        <source>Operation not found</source>
        <translation>Operace nenalezena</translation>
    </message>
    <message>
        <source>Throttled by Graph</source>
        <translation>Omezeno Graphem</translation>
    </message>
    <message>
        <source>Graph server error</source>
        <translation>Chyba serveru Graphu</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Vypršel časový limit</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Chyba sítě</translation>
    </message>
    <message>
        <source>Unreadable reply</source>
        <translation>Nečitelná odpověď</translation>
    </message>
    <message>
        <source>HTTP error</source>
        <translation>Chyba HTTP</translation>
    </message>
</context>
<context>
    <name>PublicError</name>
    <message>
        <source>Detail %1: %2
</source>
        <translation>Podrobnost %1: %2
</translation>
    </message>
</context>
<context>
    <name>RemovalUndo</name>
    <message>
        <source>Remove finished operations</source>
        <translation>odebrání dokončených operací</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Zpět</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Z&amp;novu</translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln operation(s)</source>
        <translation>
            <numerusform>odebrání %Ln operace</numerusform>
            <numerusform>odebrání %Ln operací</numerusform>
            <numerusform>odebrání %Ln operací</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>The system keychain is not available (%1).</source>
        <translation>Systémová klíčenka není dostupná (%1).</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>The saved Graph address is not usable (%1); using %2 instead.</source>
        <translation>Uloženou adresu Graphu nelze použít (%1); místo ní se použije %2.</translation>
    </message>
    <message>
        <source>Nothing to add: paste operation ids, operation URLs or Location headers.</source>
        <translation>Není co přidat: vložte ID operací, URL operací nebo hlavičky Location.</translation>
    </message>
    <message>
        <source>The text is too long to read (%1 characters; at most %2). Paste fewer ids at a time.</source>
        <translation>Text je příliš dlouhý (%1 znaků; nejvýše %2). Vkládejte méně ID najednou.</translation>
    </message>
    <message>
        <source>No operation id found. An id is a GUID such as 1b5e7a4c-2d3f-4a5b-8c9d-0e1f2a3b4c5d, alone or inside an operation URL.</source>
        <translation>Nenalezeno žádné ID operace. ID je GUID, například 1b5e7a4c-2d3f-4a5b-8c9d-0e1f2a3b4c5d, samostatně nebo uvnitř URL operace.</translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n přidána</numerusform>
            <numerusform>%n přidány</numerusform>
            <numerusform>%n přidáno</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already tracked</source>
        <translation>
            <numerusform>%n už sledována</numerusform>
            <numerusform>%n už sledovány</numerusform>
            <numerusform>%n už sledováno</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; only the first %n ids were read</source>
        <translation>
            <numerusform>; načteno jen první %n ID</numerusform>
            <numerusform>; načtena jen první %n ID</numerusform>
            <numerusform>; načteno jen prvních %n ID</numerusform>
        </translation>
    </message>
    <message>
        <source>Requests use the account you sign in with on the toolbar; billing-monitor-cli shares it. A token obtained elsewhere can be given in %1, which then wins.</source>
        <translation>Požadavky používají účet, ke kterému se přihlásíte na panelu nástrojů; billing-monitor-cli jej sdílí. Token získaný jinde lze zadat v %1, který pak má přednost.</translation>
    </message>
    <message>
        <source>%1 is set: its token is used instead of the sign-in. Unset it to use the account you sign in with.</source>
        <translation>Proměnná %1 je nastavená: místo přihlášení se používá její token. Zrušte ji, chcete-li používat účet, ke kterému se přihlásíte.</translation>
    </message>
    <message>
        <source>Demo mode signs in at the built-in simulator&apos;s own Entra ID.</source>
        <translation>Ukázkový režim se přihlašuje u vlastního Entra ID vestavěného simulátoru.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A ceiling for all checks together. They are spaced evenly, so a long list drains at this pace without bursts; Graph throttles clients that ask too fast.</source>
        <translation>Strop pro všechny kontroly dohromady. Rozkládají se rovnoměrně, takže dlouhý seznam ubývá tímto tempem bez nárazů; Graph omezuje klienty, kteří se ptají příliš rychle.</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>An operation older than this is no longer checked and shows as Expired, with the hint to start a new export. Checking it by hand (Shift+F5) is still possible.</source>
        <translation>Operace starší než tato doba se už nekontroluje a zobrazí se jako vypršelá, s radou spustit nový export. Ruční kontrola (Shift+F5) je stále možná.</translation>
    </message>
    <message>
        <source>A request is given up when no byte has moved for this long; the check is then retried with backoff.</source>
        <translation>Požadavek se vzdá, když se po tuto dobu nepřenese ani bajt; kontrola se pak zopakuje s prodlevou.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Nastavení</translation>
    </message>
    <message>
        <source>Microsoft Graph</source>
        <translation>Microsoft Graph</translation>
    </message>
    <message>
        <source>Scheme, host and port only, e.g. https://graph.microsoft.com</source>
        <translation>Jen schéma, server a port, např. https://graph.microsoft.com</translation>
    </message>
    <message>
        <source>Graph address:</source>
        <translation>Adresa Graphu:</translation>
    </message>
    <message>
        <source>The partner billing reports are in v1.0; beta has previews.</source>
        <translation>Sestavy partnerské fakturace jsou ve v1.0; beta obsahuje předběžné verze.</translation>
    </message>
    <message>
        <source>API version:</source>
        <translation>Verze API:</translation>
    </message>
    <message>
        <source>Polling</source>
        <translation>Dotazování</translation>
    </message>
    <message>
        <source>Refresh interval:</source>
        <translation>Interval obnovení:</translation>
    </message>
    <message>
        <source>Requests in flight:</source>
        <translation>Souběžné požadavky:</translation>
    </message>
    <message>
        <source>Requests per second:</source>
        <translation>Požadavky za sekundu:</translation>
    </message>
    <message>
        <source>Expire operations after:</source>
        <translation>Operace vyprší po:</translation>
    </message>
    <message>
        <source>Transfer timeout:</source>
        <translation>Časový limit přenosu:</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Obnovit výchozí</translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray when the window is closed</source>
        <translation>Po zavření okna &amp;zůstat spuštěno v oznamovací oblasti</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Jazyk systému</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Jazyk:</translation>
    </message>
    <message>
        <source>A new language applies the next time Billing Monitor starts. Dates and numbers follow it.</source>
        <translation>Nový jazyk se použije při příštím spuštění aplikace Billing Monitor. Data a čísla se mu přizpůsobí.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Motiv:</translation>
    </message>
    <message>
        <source>Closing the window then leaves the app watching your exports from the tray icon; Quit in the File menu or the tray menu ends it.</source>
        <translation>Po zavření okna pak aplikace dál sleduje vaše exporty z ikony v oznamovací oblasti; ukončí ji Ukončit v nabídce Soubor nebo v nabídce ikony.</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so closing the window quits.</source>
        <translation>Toto prostředí nemá oznamovací oblast, zavřením okna se proto aplikace ukončí.</translation>
    </message>
    <message>
        <source>%1 is not a Microsoft Graph address. The access token will be sent there: continue only if you trust it.</source>
        <translation>%1 není adresa Microsoft Graphu. Přístupový token se bude posílat tam: pokračujte, jen pokud jí důvěřujete.</translation>
    </message>
    <message>
        <source>How many checks may wait for Graph&apos;s answer at once. At most %1, because Qt opens at most %1 connections per host over HTTP/1.1: more would only queue inside the app.</source>
        <translation>Kolik kontrol smí najednou čekat na odpověď Graphu. Nejvýše %1, protože Qt otevírá přes HTTP/1.1 nejvýše %1 spojení k jednomu serveru: další by jen čekaly ve frontě uvnitř aplikace.</translation>
    </message>
    <message>
        <source>The longest wait between two checks of a running export when Graph names no time. New exports are checked more often; a Retry-After from Graph is followed to the second.</source>
        <translation>Nejdelší čekání mezi dvěma kontrolami probíhajícího exportu, když Graph neuvede čas. Nové exporty se kontrolují častěji; Retry-After od Graphu se dodržuje na sekundu přesně.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo mode&lt;/b&gt; talks to the built-in Graph simulator and signs in at its own Entra ID, whose app registration is shown below. The Graph address is saved for normal runs but not used now; the polling settings apply at once.</source>
        <translation>&lt;b&gt;Ukázkový režim&lt;/b&gt; komunikuje s vestavěným simulátorem Graphu a přihlašuje se u jeho vlastního Entra ID, jehož registrace aplikace je uvedena níže. Adresa Graphu se uloží pro běžná spuštění, ale teď se nepoužije; nastavení dotazování platí hned.</translation>
    </message>
    <message>
        <source>Sign-in: app registration</source>
        <translation>Přihlášení: registrace aplikace</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>A downloaded or opened file that unpacks to more than this is refused as a decompression bomb instead of filling the disk or memory.</source>
        <translation>Stažený nebo otevřený soubor, který se rozbalí na víc než tuto velikost, je odmítnut jako dekompresní bomba, aby nezaplnil disk ani paměť.</translation>
    </message>
    <message>
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <source>A file that unpacks to more than this many times its packed size (past the first %1 MiB) is refused as a decompression bomb. Billing data packs about 5 to 20 times.</source>
        <translation>Soubor, který se po prvních %1 MiB rozbalí na víc než tolikanásobek své zabalené velikosti, je odmítnut jako dekompresní bomba. Data o fakturaci se komprimují zhruba 5 až 20krát.</translation>
    </message>
    <message>
        <source>Downloads and data</source>
        <translation>Stahování a data</translation>
    </message>
    <message>
        <source>Largest file unpacked:</source>
        <translation>Největší rozbalený soubor:</translation>
    </message>
    <message>
        <source>Largest unpacking ratio:</source>
        <translation>Největší poměr rozbalení:</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Připojení</translation>
    </message>
    <message>
        <source>&amp;Polling and data</source>
        <translation>&amp;Dotazování a data</translation>
    </message>
    <message>
        <source>Appea&amp;rance</source>
        <translation>&amp;Vzhled</translation>
    </message>
</context>
<context>
    <name>SignInConfig</name>
    <message>
        <source>The authority &quot;%1&quot; is not a web address such as %2.</source>
        <translation>Autorita „%1“ není webová adresa jako %2.</translation>
    </message>
    <message>
        <source>Plain http:// is only allowed to this computer; use https://%1.</source>
        <translation>Nešifrované http:// je povoleno jen k tomuto počítači; použijte https://%1.</translation>
    </message>
    <message>
        <source>The authority is scheme and host only, such as %1.</source>
        <translation>Autorita je jen schéma a hostitel, například %1.</translation>
    </message>
    <message>
        <source>No tenant: give the partner tenant&apos;s id or domain (for example contoso.onmicrosoft.com).</source>
        <translation>Chybí tenant: zadejte id nebo doménu partnerského tenanta (například contoso.onmicrosoft.com).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tenant id (a GUID) or a domain such as contoso.onmicrosoft.com.</source>
        <translation>„%1“ není id tenanta (GUID) ani doména jako contoso.onmicrosoft.com.</translation>
    </message>
    <message>
        <source>No client id: give the Application (client) ID of your app registration.</source>
        <translation>Chybí id klienta: zadejte ID aplikace (klienta) vaší registrace aplikace.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a client id; the Application (client) ID is a GUID such as 1b5e7a4c-2d3f-4a5b-8c9d-0e1f2a3b4c5d.</source>
        <translation>„%1“ není id klienta; ID aplikace (klienta) je GUID jako 1b5e7a4c-2d3f-4a5b-8c9d-0e1f2a3b4c5d.</translation>
    </message>
</context>
<context>
    <name>SignInConfigForm</name>
    <message>
        <source>App registration</source>
        <translation>Registrace aplikace</translation>
    </message>
    <message>
        <source>contoso.onmicrosoft.com or the tenant id</source>
        <translation>contoso.onmicrosoft.com nebo id tenanta</translation>
    </message>
    <message>
        <source>Application (client) ID</source>
        <translation>ID aplikace (klienta)</translation>
    </message>
    <message>
        <source>Microsoft Entra ID&apos;s address. Leave it empty: partner billing is served by the global cloud only.</source>
        <translation>Adresa Microsoft Entra ID. Nechte ji prázdnou: partnerská fakturace je dostupná jen v globálním cloudu.</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Tenant:</translation>
    </message>
    <message>
        <source>C&amp;lient id:</source>
        <translation>&amp;Id klienta:</translation>
    </message>
    <message>
        <source>&amp;Authority:</source>
        <translation>&amp;Autorita:</translation>
    </message>
    <message>
        <source>How to register the app…</source>
        <translation>Jak zaregistrovat aplikaci…</translation>
    </message>
    <message>
        <source>Copy steps</source>
        <translation>Kopírovat kroky</translation>
    </message>
    <message>
        <source>Copy the registration steps, e.g. for your tenant&apos;s administrator</source>
        <translation>Zkopírovat kroky registrace, např. pro správce vašeho tenanta</translation>
    </message>
    <message>
        <source>1. Entra admin center → App registrations → New registration (accounts in this organizational directory only).
2. Authentication → Add a platform → Mobile and desktop applications → redirect URI http://localhost
3. Authentication → Allow public client flows → Yes.
4. API permissions → Add → Microsoft Graph → Delegated → PartnerBilling.Read.All (and Application → PartnerBilling.Read.All for app-only use), then Grant admin consent.
5. For app-only use: Certificates &amp; secrets → a client secret or a certificate.
6. Enter the Directory (tenant) ID and Application (client) ID here.</source>
        <translation>1. Centrum pro správu Entra → Registrace aplikací → Nová registrace (jen účty v tomto organizačním adresáři).
2. Ověřování → Přidat platformu → Mobilní a desktopové aplikace → identifikátor URI přesměrování http://localhost
3. Ověřování → Povolit toky veřejného klienta → Ano.
4. Oprávnění API → Přidat → Microsoft Graph → Delegovaná → PartnerBilling.Read.All (a Aplikace → PartnerBilling.Read.All pro použití jen aplikací), pak Udělit souhlas správce.
5. Pro použití jen aplikací: Certificates &amp; secrets (Certifikáty a tajné kódy) → tajný klíč klienta nebo certifikát.
6. Sem zadejte ID adresáře (tenanta) a ID aplikace (klienta).</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>&amp;Copy code</source>
        <translation>&amp;Kopírovat kód</translation>
    </message>
    <message>
        <source>Client &amp;secret</source>
        <translation>Tajný &amp;klíč klienta</translation>
    </message>
    <message>
        <source>Copy &amp;details</source>
        <translation>Kopírovat po&amp;drobnosti</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>Přihlá&amp;sit se</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zavřít</translation>
    </message>
    <message>
        <source>Sign in to Microsoft</source>
        <translation>Přihlásit se k Microsoftu</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Přihlásit se pomocí</translation>
    </message>
    <message>
        <source>&amp;Browser</source>
        <translation>&amp;Prohlížeče</translation>
    </message>
    <message>
        <source>&amp;Device code</source>
        <translation>&amp;Kódu zařízení</translation>
    </message>
    <message>
        <source>A&amp;pp only (automation)</source>
        <translation>&amp;Jen aplikace (automatizace)</translation>
    </message>
    <message>
        <source>Your web browser opens Microsoft&apos;s sign-in page. After you sign in there, come back here.</source>
        <translation>Otevře se webový prohlížeč s přihlašovací stránkou Microsoftu. Po přihlášení se vraťte sem.</translation>
    </message>
    <message>
        <source>Sign in on any device with a browser: you get a code to enter at Microsoft&apos;s page. Use this over remote sessions or when no browser opens here.</source>
        <translation>Přihlaste se na libovolném zařízení s prohlížečem: dostanete kód, který zadáte na stránce Microsoftu. Použijte to ve vzdálených relacích nebo když se zde prohlížeč neotevře.</translation>
    </message>
    <message>
        <source>Code copied.</source>
        <translation>Kód zkopírován.</translation>
    </message>
    <message>
        <source>&amp;Certificate</source>
        <translation>&amp;Certifikát</translation>
    </message>
    <message>
        <source>kept in the system keychain, never in a file</source>
        <translation>uložen v systémové klíčence, nikdy v souboru</translation>
    </message>
    <message>
        <source>PEM file with the certificate and its private key</source>
        <translation>soubor PEM s certifikátem a jeho soukromým klíčem</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procházet…</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certifikát</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>Soubory PEM (*.pem *.crt *.key);;Všechny soubory (*)</translation>
    </message>
    <message>
        <source>&amp;Get a code</source>
        <translation>&amp;Získat kód</translation>
    </message>
    <message>
        <source>Enter the client secret&apos;s value.</source>
        <translation>Zadejte hodnotu tajného klíče klienta.</translation>
    </message>
    <message>
        <source>Choose the certificate file.</source>
        <translation>Vyberte soubor certifikátu.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Přihlašování…</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in your browser…</source>
        <translation>Čeká se na přihlášení v prohlížeči…</translation>
    </message>
    <message>
        <source>No web browser could be opened; sign in with a code instead.</source>
        <translation>Nepodařilo se otevřít webový prohlížeč; přihlaste se místo toho kódem.</translation>
    </message>
    <message>
        <source>Asking for a code…</source>
        <translation>Žádost o kód…</translation>
    </message>
    <message>
        <source>Waiting for the sign-in on the other device…</source>
        <translation>Čeká se na přihlášení na druhém zařízení…</translation>
    </message>
    <message>
        <source>The code has expired.</source>
        <translation>Platnost kódu vypršela.</translation>
    </message>
    <message>
        <source>The code expires in %1:%2.</source>
        <translation>Platnost kódu vyprší za %1:%2.</translation>
    </message>
    <message>
        <source>Nothing was changed. Correct what is needed and sign in again.</source>
        <translation>Nic se nezměnilo. Opravte, co je potřeba, a přihlaste se znovu.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Zrušit</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Zrušeno.</translation>
    </message>
</context>
<context>
    <name>SignInError</name>
    <message>
        <source>The app registration does not allow public client flows. In the Entra admin center, open the registration, Authentication, and set &quot;Allow public client flows&quot; to Yes.</source>
        <translation>Registrace aplikace nepovoluje toky veřejného klienta. V centru pro správu Entra otevřete registraci, Ověřování, a nastavte „Povolit toky veřejného klienta“ na Ano.</translation>
    </message>
    <message>
        <source>Consent is missing: an administrator must grant admin consent for PartnerBilling.Read.All to the app registration.</source>
        <translation>Chybí souhlas: správce musí registraci aplikace udělit souhlas správce pro PartnerBilling.Read.All.</translation>
    </message>
    <message>
        <source>An administrator must grant admin consent for PartnerBilling.Read.All to the app registration.</source>
        <translation>Správce musí registraci aplikace udělit souhlas správce pro PartnerBilling.Read.All.</translation>
    </message>
    <message>
        <source>The application was not found in the tenant: check the client id and the tenant, and that the app is registered (or consented) in the partner tenant.</source>
        <translation>Aplikace nebyla v tenantovi nalezena: zkontrolujte id klienta a tenanta a to, že je aplikace v partnerském tenantovi registrovaná (nebo odsouhlasená).</translation>
    </message>
    <message>
        <source>The tenant was not found: check the tenant id or domain. Partner billing is available in the global cloud only.</source>
        <translation>Tenant nebyl nalezen: zkontrolujte id nebo doménu tenanta. Partnerská fakturace je dostupná jen v globálním cloudu.</translation>
    </message>
    <message>
        <source>This account does not exist in the tenant: sign in with an account of the partner tenant.</source>
        <translation>Tento účet v tenantovi neexistuje: přihlaste se účtem partnerského tenanta.</translation>
    </message>
    <message>
        <source>The client secret is wrong: use the secret&apos;s value (not its id) or create a new secret.</source>
        <translation>Tajný klíč klienta je chybný: použijte hodnotu tajného klíče (ne jeho id) nebo vytvořte nový.</translation>
    </message>
    <message>
        <source>The client secret has expired: create a new one in the app registration.</source>
        <translation>Platnost tajného klíče klienta vypršela: vytvořte v registraci aplikace nový.</translation>
    </message>
    <message>
        <source>The certificate assertion was refused: upload this certificate to the app registration, or check that it has not expired.</source>
        <translation>Tvrzení s certifikátem bylo odmítnuto: nahrajte tento certifikát do registrace aplikace nebo ověřte, že nevypršel.</translation>
    </message>
    <message>
        <source>The sign-in expired after a period of inactivity. Sign in again.</source>
        <translation>Přihlášení vypršelo po době nečinnosti. Přihlaste se znovu.</translation>
    </message>
    <message>
        <source>The sign-in was revoked (for example after a password change). Sign in again.</source>
        <translation>Přihlášení bylo odvoláno (například po změně hesla). Přihlaste se znovu.</translation>
    </message>
    <message>
        <source>A Conditional Access policy limits how long a sign-in lasts. Sign in again.</source>
        <translation>Zásada podmíněného přístupu omezuje, jak dlouho přihlášení platí. Přihlaste se znovu.</translation>
    </message>
    <message>
        <source>Multi-factor authentication is required. Sign in again in the browser to complete it.</source>
        <translation>Je vyžadováno vícefaktorové ověřování. Přihlaste se znovu v prohlížeči a dokončete je.</translation>
    </message>
    <message>
        <source>The multi-factor authentication has expired. Sign in again.</source>
        <translation>Vícefaktorové ověření vypršelo. Přihlaste se znovu.</translation>
    </message>
    <message>
        <source>The redirect address is not registered: add the Mobile and desktop platform with redirect URI http://localhost to the app registration.</source>
        <translation>Adresa přesměrování není registrovaná: přidejte do registrace aplikace platformu Mobilní a desktopové aplikace s identifikátorem URI přesměrování http://localhost.</translation>
    </message>
    <message>
        <source>This client id belongs to a Microsoft application; register your own application and use its client id.</source>
        <translation>Toto id klienta patří aplikaci Microsoftu; zaregistrujte vlastní aplikaci a použijte její id klienta.</translation>
    </message>
    <message>
        <source>A Conditional Access policy blocked the sign-in; ask the tenant&apos;s administrator.</source>
        <translation>Přihlášení zablokovala zásada podmíněného přístupu; obraťte se na správce tenanta.</translation>
    </message>
    <message>
        <source>The sign-in has not been completed yet.</source>
        <translation>Přihlášení ještě nebylo dokončeno.</translation>
    </message>
    <message>
        <source>The code expired before the sign-in was completed. Start again.</source>
        <translation>Platnost kódu vypršela dřív, než bylo přihlášení dokončeno. Začněte znovu.</translation>
    </message>
    <message>
        <source>The sign-in was declined. Start again to retry.</source>
        <translation>Přihlášení bylo odmítnuto. Pro nový pokus začněte znovu.</translation>
    </message>
    <message>
        <source>Entra ID did not recognise the device code. Start again.</source>
        <translation>Entra ID kód zařízení nerozpoznalo. Začněte znovu.</translation>
    </message>
    <message>
        <source>The sign-in is no longer valid. Sign in again.</source>
        <translation>Přihlášení už neplatí. Přihlaste se znovu.</translation>
    </message>
    <message>
        <source>Entra ID asks you to sign in again interactively.</source>
        <translation>Entra ID žádá o nové interaktivní přihlášení.</translation>
    </message>
    <message>
        <source>Entra ID did not accept the application&apos;s credentials (secret or certificate).</source>
        <translation>Entra ID nepřijalo přihlašovací údaje aplikace (tajný klíč nebo certifikát).</translation>
    </message>
    <message>
        <source>The application may not use this way of signing in.</source>
        <translation>Aplikace nesmí tento způsob přihlášení používat.</translation>
    </message>
    <message>
        <source>Could not reach Entra ID: %1</source>
        <translation>Nelze se spojit s Entra ID: %1</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Přihlášení bylo zrušeno.</translation>
    </message>
    <message>
        <source>The sign-in was not completed in time. Start again.</source>
        <translation>Přihlášení nebylo dokončeno včas. Začněte znovu.</translation>
    </message>
    <message>
        <source>The sign-in was not remembered. Sign in again.</source>
        <translation>Přihlášení nebylo zapamatováno. Přihlaste se znovu.</translation>
    </message>
    <message>
        <source>Entra ID answered HTTP %1 without an OAuth error.</source>
        <translation>Entra ID odpovědělo HTTP %1 bez chyby OAuth.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Not started</source>
        <translation>Nezahájeno</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Probíhá</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Dokončeno</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Selhalo</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Neznámý stav</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vypršelo</translation>
    </message>
    <message>
        <source>No answer yet</source>
        <translation>Zatím bez odpovědi</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Zatím nezkontrolováno</translation>
    </message>
</context>
<context>
    <name>StatusSummary</name>
    <message>
        <source>Throttled until %1</source>
        <translation>Omezeno do %1</translation>
    </message>
    <message>
        <source>Graph asked the app to pause (HTTP 429); checks resume at %1.</source>
        <translation>Graph požádal aplikaci o pauzu (HTTP 429); kontroly budou pokračovat v %1.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>next check %1</source>
        <translation>další kontrola %1</translation>
    </message>
    <message>
        <source>nothing to check</source>
        <translation>není co kontrolovat</translation>
    </message>
    <message numerus="yes">
        <source>%Ln not checked yet</source>
        <translation>
            <numerusform>%Ln operace zatím nezkontrolována</numerusform>
            <numerusform>%Ln operace zatím nezkontrolovány</numerusform>
            <numerusform>%Ln operací zatím nezkontrolováno</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln without an answer</source>
        <translation>
            <numerusform>%Ln operace bez odpovědi</numerusform>
            <numerusform>%Ln operace bez odpovědi</numerusform>
            <numerusform>%Ln operací bez odpovědi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not started</source>
        <translation>
            <numerusform>%Ln operace nezahájena</numerusform>
            <numerusform>%Ln operace nezahájeny</numerusform>
            <numerusform>%Ln operací nezahájeno</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln running</source>
        <translation>
            <numerusform>%Ln operace běží</numerusform>
            <numerusform>%Ln operace běží</numerusform>
            <numerusform>%Ln operací běží</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln succeeded</source>
        <translation>
            <numerusform>%Ln operace dokončena</numerusform>
            <numerusform>%Ln operace dokončeny</numerusform>
            <numerusform>%Ln operací dokončeno</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln operace selhala</numerusform>
            <numerusform>%Ln operace selhaly</numerusform>
            <numerusform>%Ln operací selhalo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in an unknown state</source>
        <translation>
            <numerusform>%Ln operace v neznámém stavu</numerusform>
            <numerusform>%Ln operace v neznámém stavu</numerusform>
            <numerusform>%Ln operací v neznámém stavu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln expired</source>
        <translation>
            <numerusform>%Ln operace vypršela</numerusform>
            <numerusform>%Ln operace vypršely</numerusform>
            <numerusform>%Ln operací vypršelo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) in flight</source>
        <translation>
            <numerusform>%Ln probíhající požadavek</numerusform>
            <numerusform>%Ln probíhající požadavky</numerusform>
            <numerusform>%Ln probíhajících požadavků</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>%1 (UTC)</source>
        <translation>%1 (UTC)</translation>
    </message>
    <message>
        <source>The workbook could not be created.</source>
        <translation>Sešit se nepodařilo vytvořit.</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Operace</translation>
    </message>
    <message>
        <source>The workbook could not be moved to %1.</source>
        <translation>Sešit se nepodařilo přesunout do %1.</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Světlý</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Tmavý</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Podle systému</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n den</numerusform>
            <numerusform>%n dny</numerusform>
            <numerusform>%n dní</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>za %1</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>právě teď</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>před %1</translation>
    </message>
</context>
<context>
    <name>TokenManager</name>
    <message>
        <source>none needed (certificate file %1)</source>
        <translation>není potřeba (soubor certifikátu %1)</translation>
    </message>
    <message>
        <source>environment variables</source>
        <translation>proměnné prostředí</translation>
    </message>
    <message>
        <source>memory of this program only (the system keychain was not available)</source>
        <translation>jen paměť tohoto programu (systémová klíčenka nebyla dostupná)</translation>
    </message>
    <message>
        <source>The sign-in was kept for the program that made it only (no system keychain then). Sign in again.</source>
        <translation>Přihlášení platilo jen pro program, který je provedl (tehdy bez systémové klíčenky). Přihlaste se znovu.</translation>
    </message>
    <message>
        <source>The sign-in is no longer in the system keychain. Sign in again.</source>
        <translation>Přihlášení už v systémové klíčence není. Přihlaste se znovu.</translation>
    </message>
    <message>
        <source>%1 Sign in again.</source>
        <translation>%1 Přihlaste se znovu.</translation>
    </message>
    <message>
        <source>%1 You stay signed in until this program ends; nothing is written to a file instead.</source>
        <translation>%1 Zůstanete přihlášeni, dokud tento program neskončí; nic se místo toho nezapisuje do souboru.</translation>
    </message>
    <message>
        <source>Could not renew the sign-in: %1</source>
        <translation>Přihlášení nelze obnovit: %1</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Nothing running</source>
        <translation>Nic neprobíhá</translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n operace běží</numerusform>
            <numerusform>%n operace běží</numerusform>
            <numerusform>%n operací běží</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n operace selhala</numerusform>
            <numerusform>%n operace selhaly</numerusform>
            <numerusform>%n operací selhalo</numerusform>
        </translation>
    </message>
    <message>
        <source>Billing Monitor keeps watching your exports in the tray. Click the icon to bring the window back; Quit is in its menu.</source>
        <translation>Billing Monitor dál sleduje vaše exporty v oznamovací oblasti. Kliknutím na ikonu okno vrátíte; Ukončit najdete v její nabídce.</translation>
    </message>
</context>
</TS>
