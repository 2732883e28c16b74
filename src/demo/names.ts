/** Name and place data for the demo generator. Common names only; any resemblance is statistical. */

export const US_GIVEN_NAMES: readonly string[] = `
  James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard
  Susan Joseph Jessica Thomas Sarah Christopher Karen Charles Lisa Daniel Nancy Matthew Betty
  Anthony Sandra Mark Margaret Donald Ashley Steven Kimberly Andrew Emily Paul Donna Joshua
  Michelle Kenneth Carol Kevin Amanda Brian Melissa Timothy Deborah Ronald Stephanie Jason Rebecca
  George Sharon Edward Laura Jacob Cynthia Ryan Amy Nicholas Kathleen Eric Angela Jonathan Shirley
  Justin Brenda Scott Emma Brandon Anna Benjamin Pamela Samuel Nicole Gregory Samantha Alexander
  Katherine Tyler Christine Aaron Olivia Jose Sophia Ethan Ava Noah Isabella Liam Mia Lucas Harper
  Mason Evelyn Logan Abigail Carlos Maria Luis Camila Jamal Aaliyah Wei Priya Omar Fatima Hiroshi
  Mei
`
  .trim()
  .split(/\s+/);

export const US_FAMILY_NAMES: readonly string[] = `
  Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
  Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
  Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
  Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips
  Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers
  Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson
  Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders
  Patel Myers Long Ross Foster O'Brien
`
  .trim()
  .split(/\s+/);

export const SE_GIVEN_NAMES: readonly string[] = `
  Anna Eva Maria Karin Sara Christina Lena Emma Kerstin Marie Malin Ingrid Jenny Hanna Linnéa
  Sofia Ida Elin Johanna Annika Elsa Maja Alice Ebba Wilma Astrid Saga Agnes Klara Freja Matilda
  Julia Ella Vera Signe Stina Märta Åsa Helena Ulrika Lars Mikael Anders Johan Per Erik Karl Peter
  Jan Thomas Daniel Fredrik Andreas Hans Stefan Mats Magnus Mattias Jonas Niklas Oskar William
  Hugo Lucas Liam Elias Alexander Axel Noah Gustav Olle Nils Viktor Emil Filip Isak Ludvig Björn
  Göran Pär Ahmed Ali Mohammed Yasmin Leila Nikola Aleksandra Mehmet Amina Dragan
`
  .trim()
  .split(/\s+/);

export const SE_FAMILY_NAMES: readonly string[] = `
  Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson
  Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Olofsson
  Lindström Lindqvist Lindgren Berg Axelsson Bergström Lundberg Lind Lundgren Lundqvist Mattsson
  Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin Ali Engström Mohamed Eklund
  Danielsson Lundin Håkansson Björk Bergman Gunnarsson Holm Wikström Samuelsson Isaksson Fransson
  Bergqvist Nyström Holmberg Arvidsson Löfgren Söderberg Nyberg Blomqvist Claesson Nordström
  Mårtensson Lundström Viklund Björklund Eliasson Pålsson Berggren Sandström Lund Nordin Ström
  Åberg Hermansson Ekström Falk Holmgren Dahlberg Hellström Hedlund Sundberg Sjögren
`
  .trim()
  .split(/\s+/);

export interface Place {
  city: string;
  /** US state code; empty in Sweden, where addresses carry no region. */
  region: string;
  /** US: first ZIP code of the city; SE: the three-digit postal code prefix. */
  postalBase: number;
}

export const US_PLACES: readonly Place[] = [
  { city: 'New York', region: 'NY', postalBase: 10001 },
  { city: 'Brooklyn', region: 'NY', postalBase: 11201 },
  { city: 'Los Angeles', region: 'CA', postalBase: 90001 },
  { city: 'San Diego', region: 'CA', postalBase: 92101 },
  { city: 'San Francisco', region: 'CA', postalBase: 94102 },
  { city: 'Sacramento', region: 'CA', postalBase: 95814 },
  { city: 'Chicago', region: 'IL', postalBase: 60601 },
  { city: 'Houston', region: 'TX', postalBase: 77001 },
  { city: 'Austin', region: 'TX', postalBase: 78701 },
  { city: 'Dallas', region: 'TX', postalBase: 75201 },
  { city: 'Phoenix', region: 'AZ', postalBase: 85001 },
  { city: 'Philadelphia', region: 'PA', postalBase: 19102 },
  { city: 'Pittsburgh', region: 'PA', postalBase: 15222 },
  { city: 'Miami', region: 'FL', postalBase: 33101 },
  { city: 'Orlando', region: 'FL', postalBase: 32801 },
  { city: 'Tampa', region: 'FL', postalBase: 33602 },
  { city: 'Atlanta', region: 'GA', postalBase: 30303 },
  { city: 'Seattle', region: 'WA', postalBase: 98101 },
  { city: 'Portland', region: 'OR', postalBase: 97201 },
  { city: 'Denver', region: 'CO', postalBase: 80202 },
  { city: 'Boston', region: 'MA', postalBase: 2108 },
  { city: 'Minneapolis', region: 'MN', postalBase: 55401 },
  { city: 'Detroit', region: 'MI', postalBase: 48201 },
  { city: 'Columbus', region: 'OH', postalBase: 43215 },
  { city: 'Charlotte', region: 'NC', postalBase: 28202 },
  { city: 'Nashville', region: 'TN', postalBase: 37203 },
  { city: 'Las Vegas', region: 'NV', postalBase: 89101 },
  { city: 'Salt Lake City', region: 'UT', postalBase: 84101 },
  { city: 'Kansas City', region: 'MO', postalBase: 64105 },
  { city: 'New Orleans', region: 'LA', postalBase: 70112 },
];

export const SE_PLACES: readonly Place[] = [
  { city: 'Stockholm', region: '', postalBase: 114 },
  { city: 'Stockholm', region: '', postalBase: 118 },
  { city: 'Solna', region: '', postalBase: 171 },
  { city: 'Sundbyberg', region: '', postalBase: 172 },
  { city: 'Nacka', region: '', postalBase: 131 },
  { city: 'Huddinge', region: '', postalBase: 141 },
  { city: 'Göteborg', region: '', postalBase: 411 },
  { city: 'Göteborg', region: '', postalBase: 413 },
  { city: 'Mölndal', region: '', postalBase: 431 },
  { city: 'Malmö', region: '', postalBase: 211 },
  { city: 'Malmö', region: '', postalBase: 214 },
  { city: 'Lund', region: '', postalBase: 222 },
  { city: 'Helsingborg', region: '', postalBase: 252 },
  { city: 'Uppsala', region: '', postalBase: 753 },
  { city: 'Västerås', region: '', postalBase: 722 },
  { city: 'Örebro', region: '', postalBase: 702 },
  { city: 'Linköping', region: '', postalBase: 582 },
  { city: 'Norrköping', region: '', postalBase: 602 },
  { city: 'Jönköping', region: '', postalBase: 553 },
  { city: 'Umeå', region: '', postalBase: 903 },
  { city: 'Luleå', region: '', postalBase: 972 },
  { city: 'Gävle', region: '', postalBase: 803 },
  { city: 'Sundsvall', region: '', postalBase: 852 },
  { city: 'Karlstad', region: '', postalBase: 652 },
  { city: 'Växjö', region: '', postalBase: 352 },
];

export const US_STREETS: readonly string[] = `
  Main St, Oak Ave, Maple St, Cedar Ln, Pine St, Elm St, Washington Ave, Lake View Dr, Park Ave,
  Sunset Blvd, Hillcrest Rd, Riverside Dr, Jefferson St, Lincoln Ave, Highland Ave, Willow Way,
  Meadow Ln, Forest Dr, Church St, Spring St, Broadway, Madison Ave, Walnut St, Chestnut St,
  2nd St, 3rd Ave, 5th St, Harbor Dr, Mill Rd, Prospect Pl
`
  .trim()
  .split(/,\s*/);

export const SE_STREETS: readonly string[] = `
  Storgatan, Drottninggatan, Kungsgatan, Vasagatan, Sveavägen, Hornsgatan, Götgatan, Södra vägen,
  Linnégatan, Järnvägsgatan, Skolgatan, Kyrkogatan, Parkvägen, Björkvägen, Tallvägen, Ekvägen,
  Lönngatan, Ringvägen, Nygatan, Östra Hamngatan, Västra vägen, Strandvägen, Ängsvägen, Backvägen,
  Furuvägen, Idrottsvägen, Stationsgatan, Torggatan
`
  .trim()
  .split(/,\s*/);

export const US_AREA_CODES: readonly string[] = `
  212 718 213 310 415 619 916 312 713 512 214 602 215 412 305 407 813 404 206 503 303 617 612 313
  614 704 615 702 801 816
`
  .trim()
  .split(/\s+/);

/** Transliterates a name to the ASCII letters an e-mail local part would use. */
export function emailSafe(name: string): string {
  return name
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^a-z]/g, '');
}
