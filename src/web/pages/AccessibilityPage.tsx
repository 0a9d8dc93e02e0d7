/**
 * Tillgänglighetsredogörelse: the accessibility statement the Swedish law on accessible digital
 * public services (2018:1937) asks for, in the structure of Digg's model. It states what is known
 * to fall short today; update it as the app grows (last reviewed: see `reviewed`).
 */
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/index.tsx';

const reviewed = { sv: '27 november 2026', en: '27 November 2026' };
const diggReport = 'https://www.digg.se/tdosanmalan';

function Swedish() {
  return (
    <>
      <p className="lead">
        Styrkort är en tjänst där kommunen publicerar sina verksamhetsplaner och följer upp dem. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur
        tjänsten uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan rapportera problem så att vi kan
        åtgärda dem.
      </p>
      <h2>Hur tillgänglig är tjänsten?</h2>
      <p>Tjänsten är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.</p>
      <h2>Vad kan du göra om du inte kan använda delar av tjänsten?</h2>
      <p>
        Om du behöver innehåll från tjänsten i ett annat format, till exempel en plan som ett tillgängligt dokument eller uppläst, kontakta kommunen som har publicerat planen.
        Alla planer finns också som öppna data i maskinläsbar form under <a href="/api/plans">/api/plans</a>.
      </p>
      <h2>Rapportera brister i tjänstens tillgänglighet</h2>
      <p>
        Vi strävar efter att tjänsten ska vara så tillgänglig som möjligt. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller
        lagens krav, kontakta kommunen som driver tjänsten så att vi får veta att problemet finns. Kommunen som driver tjänsten fyller i sina kontaktuppgifter här.
      </p>
      <h2>Tillsyn</h2>
      <p>
        Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn av lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar
        dina synpunkter kan du <a href={diggReport}>kontakta Digg och påtala det</a>.
      </p>
      <h2>Teknisk information om tjänstens tillgänglighet</h2>
      <p>Tjänsten är delvis förenlig med nivå AA i standarden Web Content Accessibility Guidelines (WCAG) version 2.1.</p>
      <h3>Innehåll som inte är tillgängligt eller inte är färdigt</h3>
      <ul>
        <li>
          Tjänsten byggs fortfarande. I den här versionen kan du läsa fastställda planer och deras styrkort. Inloggning, redigering, diagram, arbetsflödet (lämna in,
          fastställa, arkivera) och jämförelser mellan planer finns inte ännu; de granskas på samma sätt när de byggs.
        </li>
        <li>
          Planernas tabeller har samma kolumner som det tryckta dokumentet. Breda tabeller får plats först när man rullar dem i sidled på smala skärmar (320 pixlar) och vid
          kraftig förstoring. Rullningsområdet kan nås och flyttas med tangentbordet.
        </li>
        <li>Trenden för ett styrtal visas som en liten linje med en textbeskrivning av alla värden. En tabell med utfallen över tid finns inte ännu.</li>
        <li>
          Siffror skrivs exakt som i den fastställda planen, med bindestreck som minustecken (till exempel -68 851). Vissa skärmläsare läser det som ”streck” i stället för
          ”minus”.
        </li>
        <li>Planernas innehåll och förklaringarna till styrtalens status finns bara på svenska, även när du har valt engelska.</li>
      </ul>
      <h2>Hur vi testat tjänsten</h2>
      <p>
        Vi har själva granskat tjänsten. Automatiska tester med verktyget axe-core (WCAG 2.0 nivå A och AA och WCAG 2.1 nivå AA) körs i webbläsaren Chromium på varje sida
        vid varje ändring, tillsammans med tester av att allt går att använda med tangentbordet och att sidorna fungerar i 320 pixlars bredd. Automatiska tester hittar bara en
        del av alla brister. Vi har ännu inte testat med skärmläsare eller tillsammans med användare med funktionsnedsättning.
      </p>
      <p>Redogörelsen uppdaterades senast den {reviewed.sv}.</p>
    </>
  );
}

function English() {
  return (
    <>
      <p className="lead">
        Styrkort is a service in which the municipality publishes its operational plans and follows them up. We want as many people as possible to be able to use it. This
        statement describes how the service meets the Swedish law on accessibility of digital public services (2018:1937), the shortcomings we know of, and how you can report
        problems so that we can fix them.
      </p>
      <h2>How accessible is the service?</h2>
      <p>The service is partially compliant with the law on accessibility of digital public services, because of the shortcomings listed below.</p>
      <h2>What can you do if you cannot use parts of the service?</h2>
      <p>
        If you need content from the service in another format, such as a plan as an accessible document or read aloud, contact the municipality that published the plan. Every
        plan is also available as open, machine-readable data at <a href="/api/plans">/api/plans</a>.
      </p>
      <h2>Reporting accessibility problems</h2>
      <p>
        We want the service to be as accessible as possible. If you find a problem that is not described on this page, or think we do not meet the requirements of the law,
        contact the municipality that runs the service so that we learn of it. The municipality that runs the service adds its contact details here.
      </p>
      <h2>Enforcement</h2>
      <p>
        The Agency for Digital Government (Digg) is responsible for enforcing the law on accessibility of digital public services. If you are not satisfied with how we handle
        your comments, you can <a href={diggReport} hrefLang="sv">contact Digg and tell them</a>.
      </p>
      <h2>Technical information about the service's accessibility</h2>
      <p>The service is partially compliant with level AA of the Web Content Accessibility Guidelines (WCAG) version 2.1.</p>
      <h3>Content that is not accessible or not finished</h3>
      <ul>
        <li>
          The service is still being built. This version lets you read adopted plans and their scorecards. Login, editing, charts, the workflow (submit, adopt, archive) and
          comparing plans are not there yet; they will be reviewed in the same way when they are built.
        </li>
        <li>
          The plans' tables have the same columns as the printed document. Wide tables must be scrolled sideways on narrow screens (320 pixels) and at high zoom. The scrolling
          area can be reached and moved with the keyboard.
        </li>
        <li>An indicator's trend is shown as a small line with a text description of every value. A table of the outcomes over time is not there yet.</li>
        <li>Figures are written exactly as in the adopted plan, with a hyphen as the minus sign (for example -68 851). Some screen readers read it as "dash" rather than "minus".</li>
        <li>The plans' content and the explanations of the indicators' status are in Swedish only, also when you have chosen English.</li>
      </ul>
      <h2>How we tested the service</h2>
      <p>
        We reviewed the service ourselves. Automated tests with axe-core (WCAG 2.0 level A and AA and WCAG 2.1 level AA) run in the Chromium browser on every page on every
        change, together with tests that everything can be used with the keyboard and that the pages work at a width of 320 pixels. Automated tests find only some
        shortcomings. We have not yet tested with screen readers or together with disabled users.
      </p>
      <p>This statement was last updated on {reviewed.en}.</p>
    </>
  );
}

export function AccessibilityPage() {
  const { t, language } = useI18n();
  return (
    <div className="page page--prose">
      <PageHeading title={t.accessibility.title} />
      {language === 'sv' ? <Swedish /> : <English />}
    </div>
  );
}
