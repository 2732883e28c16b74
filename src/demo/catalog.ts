import type { Country, Currency } from '../platform/db/schema.js';
import { Random } from './random.js';
import type { MerchantRow, ProductRow } from './rows.js';

/** Merchant categories; the fraud and personalisation work groups merchants by these. */
export type MerchantCategory =
  | 'fashion'
  | 'electronics'
  | 'cosmetics'
  | 'home'
  | 'travel'
  | 'sports'
  | 'kids'
  | 'entertainment'
  | 'jewelry'
  | 'pets';

interface ProductType {
  en: string;
  sv: string;
  /** Price range in whole US dollars; Swedish prices are about ten times that in kronor. */
  min: number;
  max: number;
}

const t = (en: string, sv: string, min: number, max: number): ProductType => ({ en, sv, min, max });

const PRODUCT_TYPES: Record<MerchantCategory, readonly ProductType[]> = {
  fashion: [
    t('Linen shirt', 'Linneskjorta', 35, 90),
    t('Wool coat', 'Ullkappa', 150, 420),
    t('Denim jeans', 'Jeans', 45, 140),
    t('Knitted sweater', 'Stickad tröja', 40, 130),
    t('Leather sneakers', 'Sneakers i läder', 70, 190),
    t('Midi dress', 'Midiklänning', 45, 160),
    t('Rain jacket', 'Regnjacka', 60, 220),
    t('Chelsea boots', 'Chelseaboots', 90, 260),
    t('Cotton T-shirt', 'T-shirt i bomull', 15, 45),
    t('Tailored blazer', 'Kavaj', 110, 320),
  ],
  electronics: [
    t('Wireless headphones', 'Trådlösa hörlurar', 80, 380),
    t('Smartphone', 'Mobiltelefon', 350, 1200),
    t('13-inch laptop', 'Bärbar dator 13 tum', 700, 1900),
    t('Smartwatch', 'Smartklocka', 150, 480),
    t('4K television 55"', '4K-tv 55 tum', 450, 1400),
    t('Game console', 'Spelkonsol', 300, 550),
    t('Tablet', 'Surfplatta', 250, 1000),
    t('Bluetooth speaker', 'Bluetooth-högtalare', 40, 250),
    t('Mirrorless camera', 'Systemkamera', 600, 1800),
    t('Robot vacuum', 'Robotdammsugare', 200, 700),
  ],
  cosmetics: [
    t('Vitamin C serum', 'C-vitaminserum', 20, 75),
    t('Eau de parfum 50 ml', 'Eau de parfum 50 ml', 60, 160),
    t('Hair dryer', 'Hårfön', 60, 420),
    t('Foundation', 'Foundation', 25, 60),
    t('Skincare set', 'Hudvårdsset', 45, 150),
    t('Electric toothbrush', 'Eltandborste', 40, 220),
    t('Lipstick trio', 'Läppstift, tre färger', 25, 70),
    t('Hair straightener', 'Plattång', 50, 280),
  ],
  home: [
    t('Three-seat sofa', 'Tresitssoffa', 600, 2200),
    t('Oak dining table', 'Matbord i ek', 450, 1500),
    t('Duvet cover set', 'Påslakanset', 30, 110),
    t('Espresso machine', 'Espressomaskin', 150, 900),
    t('Floor lamp', 'Golvlampa', 60, 320),
    t('Wool rug 200x300', 'Ullmatta 200x300', 180, 700),
    t('Cookware set', 'Kastrullset', 90, 400),
    t('Office chair', 'Kontorsstol', 150, 650),
    t('Mattress 160 cm', 'Madrass 160 cm', 400, 1600),
    t('Dinnerware set', 'Servisset', 50, 220),
  ],
  travel: [
    t('Return flight, economy', 'Tur och retur, ekonomiklass', 180, 1100),
    t('Hotel stay, 3 nights', 'Hotellvistelse, 3 nätter', 240, 900),
    t('Package holiday, 1 week', 'Paketresa, 1 vecka', 900, 3200),
    t('Cabin suitcase', 'Kabinväska', 80, 320),
    t('City break, 2 nights', 'Storstadsweekend, 2 nätter', 220, 700),
    t('Train pass', 'Tågkort', 90, 450),
    t('Travel insurance, annual', 'Reseförsäkring, helår', 60, 200),
  ],
  sports: [
    t('Running shoes', 'Löparskor', 80, 200),
    t('Road bike', 'Landsvägscykel', 800, 2800),
    t('Yoga mat', 'Yogamatta', 20, 90),
    t('Ski jacket', 'Skidjacka', 150, 450),
    t('Tent, 2-person', 'Tält för två', 120, 480),
    t('Fitness tracker', 'Aktivitetsarmband', 50, 180),
    t('Cross-country skis', 'Längdskidor', 180, 550),
    t('Kettlebell set', 'Kettlebellset', 50, 200),
  ],
  kids: [
    t('Stroller', 'Barnvagn', 250, 1100),
    t('Car seat', 'Bilbarnstol', 150, 500),
    t('Building blocks set', 'Byggklossar', 25, 160),
    t('Kids winter overall', 'Vinteroverall för barn', 50, 130),
    t('Balance bike', 'Springcykel', 60, 180),
    t('Baby monitor', 'Babyvakt', 60, 260),
  ],
  entertainment: [
    t('Concert tickets, pair', 'Konsertbiljetter, två', 80, 400),
    t('Annual streaming plan', 'Streamingabonnemang, helår', 90, 200),
    t('Board game', 'Brädspel', 25, 80),
    t('Vinyl record box set', 'Vinylbox', 60, 250),
    t('Theatre tickets, pair', 'Teaterbiljetter, två', 90, 300),
  ],
  jewelry: [
    t('Gold hoop earrings', 'Guldörhängen', 90, 450),
    t('Silver necklace', 'Silverhalsband', 60, 260),
    t('Automatic watch', 'Automatisk klocka', 350, 2400),
    t('Engagement ring', 'Förlovningsring', 800, 3500),
    t('Leather watch strap', 'Klockarmband i läder', 30, 90),
  ],
  pets: [
    t('Dog bed', 'Hundbädd', 40, 160),
    t('Cat tree', 'Klösträd', 60, 220),
    t('Premium dog food, 12 kg', 'Hundfoder, 12 kg', 50, 110),
    t('Aquarium kit', 'Akvariepaket', 90, 400),
    t('GPS pet tracker', 'GPS-spårare för husdjur', 50, 150),
  ],
};

const ADJECTIVES: readonly (readonly [string, string])[] = [
  ['Classic', 'Klassisk'],
  ['Essential', 'Bas'],
  ['Premium', 'Premium'],
  ['Nordic', 'Nordisk'],
  ['Urban', 'Urban'],
  ['Eco', 'Eko'],
  ['Signature', 'Signatur'],
  ['Compact', 'Kompakt'],
  ['Pro', 'Pro'],
  ['Studio', 'Studio'],
];

interface MerchantSpec {
  name: string;
  category: MerchantCategory;
  country: Country;
}

const m = (name: string, category: MerchantCategory, country: Country): MerchantSpec => ({
  name,
  category,
  country,
});

/** The demo company's partner stores: 22 in the US, 18 in Sweden. */
export const MERCHANT_SPECS: readonly MerchantSpec[] = [
  m('Harbor & Pine Outfitters', 'fashion', 'US'),
  m('Loomline', 'fashion', 'US'),
  m('Brightside Denim', 'fashion', 'US'),
  m('Mabel Street', 'fashion', 'US'),
  m('Voltbay Electronics', 'electronics', 'US'),
  m('Pixelport', 'electronics', 'US'),
  m('Circuitry Goods', 'electronics', 'US'),
  m('Glow Theory', 'cosmetics', 'US'),
  m('Petal & Pout', 'cosmetics', 'US'),
  m('Hearthstead Home', 'home', 'US'),
  m('Oak & Ember Furniture', 'home', 'US'),
  m('Kitchenry', 'home', 'US'),
  m('Skyward Trips', 'travel', 'US'),
  m('Atlas Getaways', 'travel', 'US'),
  m('Trailhead Sports', 'sports', 'US'),
  m('Peak Motion', 'sports', 'US'),
  m('Little Sprout', 'kids', 'US'),
  m('Encore Tickets', 'entertainment', 'US'),
  m('Gamevault', 'entertainment', 'US'),
  m('Lumen Jewelers', 'jewelry', 'US'),
  m('Timeworks', 'jewelry', 'US'),
  m('Pawsome Supply', 'pets', 'US'),
  m('Nordvik Mode', 'fashion', 'SE'),
  m('Stilhuset', 'fashion', 'SE'),
  m('Grå Ull', 'fashion', 'SE'),
  m('Skomakargården', 'fashion', 'SE'),
  m('Elektrobyn', 'electronics', 'SE'),
  m('Teknikdepån', 'electronics', 'SE'),
  m('Skönhetsrummet', 'cosmetics', 'SE'),
  m('Lyster', 'cosmetics', 'SE'),
  m('Hemmaverket', 'home', 'SE'),
  m('Björk & Sten Inredning', 'home', 'SE'),
  m('Köksglädje', 'home', 'SE'),
  m('Resfeber', 'travel', 'SE'),
  m('Fjällsport', 'sports', 'SE'),
  m('Cykelverkstan', 'sports', 'SE'),
  m('Småfolk', 'kids', 'SE'),
  m('Biljettbutiken', 'entertainment', 'SE'),
  m('Guldsmedjan', 'jewelry', 'SE'),
  m('Vovven & Kissen', 'pets', 'SE'),
];

export interface Catalog {
  merchants: MerchantRow[];
  products: ProductRow[];
  /** Products per merchant id, for picking order items. */
  productsByMerchant: Map<string, ProductRow[]>;
  /** Active merchants per country, for picking where a customer shops. */
  merchantsByCountry: Record<Country, MerchantRow[]>;
  categoryOf: Map<string, MerchantCategory>;
}

// The catalog is the same in every demo company, so appends and different seeds share it.
const CATALOG_SEED = 0x7a4d_2024;

function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function priceMinor(rng: Random, type: ProductType, currency: Currency): number {
  const dollars = rng.int(type.min, type.max);
  if (currency === 'USD') {
    // Shelf prices end in .99 or .00.
    return rng.chance(0.8) ? dollars * 100 - 1 : dollars * 100;
  }
  // Swedish shelf prices are whole kronor ending in 9 (e.g. 499 kr).
  return (dollars * 10 - 1) * 100;
}

/** Builds the fixed merchant and product catalog (about 40 merchants, 700 products). */
export function buildCatalog(createdAt: Date): Catalog {
  const rng = new Random(CATALOG_SEED);
  const merchants: MerchantRow[] = [];
  const products: ProductRow[] = [];
  const productsByMerchant = new Map<string, ProductRow[]>();
  const merchantsByCountry: Record<Country, MerchantRow[]> = { US: [], SE: [] };
  const categoryOf = new Map<string, MerchantCategory>();
  MERCHANT_SPECS.forEach((spec, index) => {
    const slug = slugOf(spec.name);
    const merchant: MerchantRow = {
      id: rng.uuid(),
      name: spec.name,
      category: spec.category,
      country: spec.country,
      website: `https://${slug}.example`,
      status: 'active',
      created_at: createdAt,
    };
    merchants.push(merchant);
    merchantsByCountry[spec.country].push(merchant);
    categoryOf.set(merchant.id, spec.category);
    const currency: Currency = spec.country === 'US' ? 'USD' : 'SEK';
    const types = PRODUCT_TYPES[spec.category];
    const count = 14 + (index % 3) * 4;
    const own: ProductRow[] = [];
    const seen = new Set<string>();
    for (let n = 0; own.length < count && n < count * 4; n++) {
      const type = rng.pick(types);
      const [adjEn, adjSv] = rng.pick(ADJECTIVES);
      const name =
        spec.country === 'US' ? `${adjEn} ${type.en.toLowerCase()}` : `${type.sv}, ${adjSv.toLowerCase()}`;
      if (seen.has(name)) continue;
      seen.add(name);
      const product: ProductRow = {
        id: rng.uuid(),
        merchant_id: merchant.id,
        sku: `${slug.replace(/-/g, '').slice(0, 6).toUpperCase()}-${String(own.length + 1).padStart(4, '0')}`,
        name: name.charAt(0).toUpperCase() + name.slice(1),
        category: spec.category,
        price_minor: priceMinor(rng, type, currency),
        currency,
        created_at: createdAt,
      };
      own.push(product);
      products.push(product);
    }
    // Cheapest first, so "pick an affordable item" is a prefix of the list.
    own.sort((a, b) => a.price_minor - b.price_minor);
    productsByMerchant.set(merchant.id, own);
  });
  return { merchants, products, productsByMerchant, merchantsByCountry, categoryOf };
}

export function merchantByName(catalog: Catalog, name: string): MerchantRow {
  const found = catalog.merchants.find((x) => x.name === name);
  if (!found) throw new Error(`Unknown demo merchant ${name}`);
  return found;
}
