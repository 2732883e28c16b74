import type { KbLocale } from './list-articles.js';

/**
 * Stop words per help-centre language, written accent-folded (the tokeniser folds first):
 * function words, question words, pronouns, auxiliaries and chat filler that say nothing about
 * which article answers. Words that name a topic ("no" in "no fee", "không" in "không nhận ra")
 * are kept out on purpose.
 */
const list = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter((w) => w !== ''));

export const KB_STOP_WORDS: Readonly<Record<KbLocale, ReadonlySet<string>>> = {
  en: list(`
    a an the and or but if of to in on at for from by with about as into is are was were be been being
    do does did doing done have has had having i me my mine myself we our us you your yours it its
    this that these those what whats which who whom when where why how can could would should will
    shall may might must not no there here then than so too very just also any some all each get got
    im ive id dont doesnt didnt cant wont isnt arent please hi hello hey thanks thank want wanted need
    know tell tandem one other them they their he she him her his hers up out like really still yet
    way thing something anything anyone someone us ok okay oh work works working`),
  sv: list(`
    och i att det som en ett pa ar av for med till den de dem om har hade inte jag du vi ni han hon man
    kan kunde ska skulle vill ville min mitt mina din ditt dina er era var vart vara hur vad nar varfor
    vilken vilket vilka sa sig sin sitt sina men eller fran hos da nu mig dig oss ju bara ocksa an efter
    vid ut blir bli blev ar hej tack snalla nagon nagot nagra mycket alla allt detta dessa denna tandem
    finns fa far fick gor gora gjorde sedan redan mer just typ liksom lite fungerar funkar`),
  de: list(`
    der die das den dem des ein eine einen einem einer eines und oder aber wenn ob als wie was wer wen
    wem wo wann warum wieso weshalb welche welcher welches ich mich mir mein meine meinen meinem meiner
    du dich dir dein deine deinen deinem er sie es ihr ihn ihm ihre ihren wir uns unser unsere euch euer
    eure ist sind war waren bin bist sein seid wird werden wurde wurden hat habe hast haben hatte hatten
    kann kannst konnen konnte muss musst mussen soll sollte will willst wollen mochte mochten darf
    zu zum zur im in am an auf aus bei mit nach von vor uber unter um fur durch so auch noch schon nur
    mal doch ja denn dann da hier dort jetzt etwa bitte danke hallo hi hey tandem gibt geht gehen
    bei euch eurem eurer man etwas jemand alles alle viel sehr ganz`),
  fr: list(`
    le la les l un une des du de d et ou mais si que qu qui quoi quel quelle quels quelles comment
    pourquoi quand ou combien est sont suis es etes sommes etait ai as a avons avez ont avait je j me m
    moi mon ma mes tu te t toi ton ta tes il elle on nous vous ils elles se s son sa ses notre nos votre
    vos leur leurs ce c cet cette ces y en au aux dans sur sous avec pour par chez vers ne n pas plus
    tres bien tout tous toute toutes faire fait peux peut pouvez puis veux voudrais voulez dois doit
    faut est-ce bonjour salut merci svp stp sil plait tandem alors donc aussi deja encore juste`),
  es: list(`
    el la los las lo un una unos unas de del al y e o u pero si que quien quienes que cual cuales como
    cuando donde cuanto cuanta por porque para con sin sobre en a mi mis me yo tu tus te ti usted
    ustedes vosotros os nos nosotros nuestro nuestra su sus se le les es son soy eres era fue esta estan
    estoy estas ha he has han hay habia puedo puede puedes pueden podeis quiero quieres quiere
    quisiera tengo tiene tienes tenemos teneis debo debe hacer hago hace este esta esto ese esa eso
    muy mas ya tambien aun solo hola gracias porfa favor vale tandem algo alguien todo toda todos`),
  it: list(`
    il lo la i gli le l un uno una di del della dei degli delle da dal dalla a al alla ai agli alle
    in nel nella nei con su sul sulla per tra fra e ed o ma se che chi cosa come quando dove perche
    quanto quale quali io me mi mio mia miei mie tu te ti tuo tua voi vi vostro vostra noi ci nostro
    lui lei suo sua loro si e sono sei siamo siete era ho hai ha abbiamo avete hanno posso puoi puo
    possiamo potete voglio vuoi vorrei devo deve fare faccio questo questa quello quella molto piu gia
    anche ancora solo ciao grazie salve prego tandem qualcosa qualcuno tutto tutti`),
  nl: list(`
    de het een en of maar als dan dat die dit deze wat wie waar wanneer waarom hoe welke welk ik mij
    me mijn jij je jou jouw u uw hij zij ze haar hem wij we ons onze jullie zijn is ben bent was waren
    heb hebt heeft hebben had kan kun kunt kunnen wil wilt willen moet moeten mag mogen zou zouden
    word wordt worden werd te van in op aan met voor bij uit naar over om door tot er hier daar nu
    nog al ook wel niet geen heel erg even toch hoi hallo hey dag dank bedankt alsjeblieft graag tandem
    iets iemand alles`),
  vi: list(`
    toi minh ban cac nay kia do la thi va voi cua cho de duoc bi da se dang co khi nao gi sao the
    lam vay a oi nhe nha u ha chu ah ak em anh ha nen nhung mot nhieu rat hay hoac cung con nua
    roi o tu trong ngoai len xuong vao ra xin chao cam on bao tandem`),
};
