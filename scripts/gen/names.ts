/**
 * Names for synthetic students. Italian lists lean on names common among children born
 * 2007–2015 (ISTAT, most frequent names of newborns) and on surnames typical of the Marche;
 * the foreign lists hold names common in each country of citizenship.
 */

export const ITALIAN_MALE_NAMES = [
  'Francesco', 'Alessandro', 'Lorenzo', 'Andrea', 'Leonardo', 'Mattia', 'Matteo', 'Gabriele', 'Riccardo', 'Tommaso',
  'Davide', 'Giuseppe', 'Antonio', 'Federico', 'Edoardo', 'Marco', 'Samuele', 'Luca', 'Giovanni', 'Pietro',
  'Diego', 'Filippo', 'Simone', 'Emanuele', 'Christian', 'Nicolò', 'Michele', 'Alessio', 'Giacomo', 'Jacopo',
  'Daniele', 'Elia', 'Gioele', 'Manuel', 'Cristian', 'Stefano', 'Vincenzo', 'Salvatore', 'Enea', 'Nicola',
  'Kevin', 'Thomas', 'Raffaele', 'Giulio', 'Gabriel', 'Paolo', 'Cesare', 'Valerio', 'Emiliano', 'Ettore',
];

export const ITALIAN_FEMALE_NAMES = [
  'Sofia', 'Giulia', 'Aurora', 'Alice', 'Ginevra', 'Emma', 'Giorgia', 'Greta', 'Beatrice', 'Anna',
  'Chiara', 'Martina', 'Sara', 'Nicole', 'Vittoria', 'Noemi', 'Matilde', 'Gaia', 'Francesca', 'Alessia',
  'Ludovica', 'Elisa', 'Rebecca', 'Camilla', 'Arianna', 'Elena', 'Asia', 'Bianca', 'Marta', 'Irene',
  'Viola', 'Benedetta', 'Caterina', 'Carlotta', 'Eleonora', 'Elisabetta', 'Serena', 'Maria', 'Margherita', 'Angelica',
  'Michela', 'Federica', 'Ilaria', 'Valentina', 'Lucia', 'Nina', 'Rachele', 'Agnese', 'Mia', 'Miriam',
];

export const ITALIAN_SURNAMES = [
  'Rossi', 'Bianchi', 'Ricci', 'Marinelli', 'Santarelli', 'Cingolani', 'Pieroni', 'Mancinelli', 'Paolucci', 'Giuliani',
  'Mariani', 'Marcelli', 'Marchetti', 'Carletti', 'Cesaroni', 'Gasparri', 'Bartolucci', 'Lucarelli', 'Belardinelli', 'Cardinali',
  'Pierini', 'Tombolini', 'Brandoni', 'Mazzoni', 'Ciccarelli', 'Sabbatini', 'Santini', 'Gentili', 'Properzi', 'Ferretti',
  'Tittarelli', 'Bocchini', 'Pigini', 'Pistelli', 'Grilli', 'Fratesi', 'Guzzini', 'Recchi', 'Bravi', 'Cappelletti',
  'Montanari', 'Pagliarini', 'Spadoni', 'Capodaglio', 'Coppari', 'Bellagamba', 'Fabbri', 'Paci', 'Pesaresi', 'Gagliardini',
  'Frontalini', 'Tiberi', 'Cecchini', 'Barchiesi', 'Mengoni', 'Maggiori', 'Ruggeri', 'Sabatini', 'Vitali', 'Bonvini',
  'Rocchetti', 'Luzi', 'Baldoni', 'Bucci', 'Ciarrocchi', 'Corradetti', 'Cruciani', 'Di Battista', 'Di Marco', "D'Angelo",
  'De Angelis', 'De Santis', 'Del Moro', 'Ferri', 'Fiorani', 'Galeazzi', 'Giacchetti', 'Graziosi', 'Lattanzi', 'Leoni',
  'Lorenzetti', 'Mancini', 'Mangialardi', 'Marconi', 'Mariotti', 'Massi', 'Mattioli', 'Mazzieri', 'Menghini', 'Moretti',
  'Morresi', 'Nardi', 'Orlandi', 'Palazzi', 'Paoletti', 'Piergallini', 'Pirani', 'Polverini', 'Ramazzotti', 'Re',
  'Romagnoli', 'Rosati', 'Sampaolesi', 'Sartini', 'Serrani', 'Silvestrini', 'Simonetti', 'Spinozzi', 'Stortoni', 'Talamonti',
  'Tassi', 'Tesei', 'Tomassetti', 'Torresi', 'Ugolini', 'Valentini', 'Vecchi', 'Verdini', 'Zallocco', 'Zenobi',
  'Esposito', 'Russo', 'Romano', 'Colombo', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Costa', 'Giordano',
  'Lombardi', 'Barbieri', 'Moretti', 'Fontana', 'Caruso', 'Ferrara', 'Rinaldi', 'Galli', 'Leone', 'Longo',
  'Martinelli', 'Serra', 'Villa', 'Marini', 'Ferraro', 'Greco', 'Testa', 'Monti', 'Amato', 'Ferrari',
];

export interface Country {
  /** Italian name of the state, as in `Cittadinanza` */
  name: string;
  /** code of the foreign state in the codice fiscale (Agenzia delle Entrate, codici Z) */
  zCode: string;
  /** relative share among foreign students in the Marche (MIM, alunni con cittadinanza non italiana) */
  weight: number;
  /** share that takes `ATTIVITÀ ALTERNATIVA` instead of Catholic religion */
  alternativeShare: number;
  male: readonly string[];
  female: readonly string[];
  surnames: readonly string[];
}

export const COUNTRIES: readonly Country[] = [
  { name: 'Romania', zCode: 'Z129', weight: 17, alternativeShare: 0.15,
    male: ['Andrei', 'Alexandru', 'Ionuț', 'Mihai', 'Gabriel', 'Ștefan', 'David', 'Cristian', 'Darius', 'Luca'],
    female: ['Andreea', 'Ioana', 'Maria', 'Elena', 'Alexandra', 'Bianca', 'Denisa', 'Daria', 'Ana', 'Larisa'],
    surnames: ['Popescu', 'Ionescu', 'Popa', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Rusu', 'Munteanu', 'Constantin', 'Matei', 'Lungu'] },
  { name: 'Albania', zCode: 'Z100', weight: 13, alternativeShare: 0.35,
    male: ['Ardit', 'Erion', 'Klajdi', 'Endri', 'Kevin', 'Ergi', 'Arbër', 'Denis', 'Mario', 'Fation'],
    female: ['Ajla', 'Klea', 'Elona', 'Sara', 'Anisa', 'Xhesika', 'Megi', 'Ariana', 'Erisa', 'Kejsi'],
    surnames: ['Hoxha', 'Shehu', 'Dervishi', 'Gjoka', 'Leka', 'Çela', 'Kola', 'Marku', 'Bajrami', 'Hysa', 'Basha', 'Prifti'] },
  { name: 'Marocco', zCode: 'Z330', weight: 11, alternativeShare: 0.8,
    male: ['Mohamed', 'Youssef', 'Amine', 'Ayoub', 'Hamza', 'Adam', 'Omar', 'Anas', 'Ilyas', 'Karim'],
    female: ['Fatima', 'Salma', 'Aya', 'Imane', 'Khadija', 'Yasmine', 'Hiba', 'Nour', 'Meryem', 'Sara'],
    surnames: ['El Idrissi', 'Benali', 'El Amrani', 'Bouzid', 'Alaoui', 'Ouali', 'Chraibi', 'El Fassi', 'Haddad', 'Tazi', 'Naciri', 'Berrada'] },
  { name: 'Cina', zCode: 'Z210', weight: 6, alternativeShare: 0.5,
    male: ['Wei', 'Hao', 'Jun', 'Lei', 'Jie', 'Tao', 'Yang', 'Bo', 'Chen', 'Kai'],
    female: ['Li', 'Mei', 'Xin', 'Yan', 'Jing', 'Hui', 'Ying', 'Lin', 'Xiu', 'Fang'],
    surnames: ['Hu', 'Wang', 'Zhang', 'Chen', 'Zhou', 'Lin', 'Huang', 'Ye', 'Xu', 'Jin', 'Wu', 'Zheng'] },
  { name: 'Macedonia del Nord', zCode: 'Z148', weight: 6, alternativeShare: 0.4,
    male: ['Aleksandar', 'Stefan', 'Nikola', 'Bojan', 'Ilir', 'Arben', 'Filip', 'Marko', 'Driton', 'Besart'],
    female: ['Elena', 'Ana', 'Marija', 'Sara', 'Arjeta', 'Teodora', 'Mila', 'Blerta', 'Jovana', 'Dafina'],
    surnames: ['Stojanovski', 'Nikolovski', 'Petrovski', 'Trajkovski', 'Ristovski', 'Jovanovski', 'Iseni', 'Ademi', 'Memeti', 'Selmani'] },
  { name: 'Ucraina', zCode: 'Z138', weight: 6, alternativeShare: 0.3,
    male: ['Oleksandr', 'Dmytro', 'Maksym', 'Artem', 'Andrii', 'Mykyta', 'Bohdan', 'Denys', 'Ivan', 'Vladyslav'],
    female: ['Anastasiia', 'Sofiia', 'Daryna', 'Viktoriia', 'Yuliia', 'Anna', 'Kateryna', 'Mariia', 'Polina', 'Oksana'],
    surnames: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk', 'Boiko', 'Oliinyk', 'Koval', 'Lysenko'] },
  { name: 'Pakistan', zCode: 'Z236', weight: 5, alternativeShare: 0.9,
    male: ['Muhammad', 'Ali', 'Hassan', 'Usman', 'Bilal', 'Hamza', 'Zain', 'Ahmed', 'Abdullah', 'Saad'],
    female: ['Ayesha', 'Fatima', 'Zainab', 'Maryam', 'Hira', 'Sana', 'Iqra', 'Amna', 'Alishba', 'Noor'],
    surnames: ['Khan', 'Ahmed', 'Hussain', 'Ali', 'Iqbal', 'Butt', 'Malik', 'Raza', 'Shah', 'Akhtar'] },
  { name: 'Bangladesh', zCode: 'Z249', weight: 5, alternativeShare: 0.9,
    male: ['Rahim', 'Karim', 'Tanvir', 'Sakib', 'Arif', 'Rifat', 'Nayeem', 'Imran', 'Sabbir', 'Farhan'],
    female: ['Nusrat', 'Sadia', 'Tasnim', 'Sumaiya', 'Farzana', 'Jannat', 'Mim', 'Ruma', 'Shirin', 'Afsana'],
    surnames: ['Hossain', 'Rahman', 'Islam', 'Ahmed', 'Uddin', 'Akter', 'Miah', 'Sarkar', 'Chowdhury', 'Begum'] },
  { name: 'Nigeria', zCode: 'Z335', weight: 4, alternativeShare: 0.3,
    male: ['Chinedu', 'Emeka', 'Oluwaseun', 'Ifeanyi', 'Tunde', 'Samuel', 'Daniel', 'Precious', 'Godwin', 'Osas'],
    female: ['Chioma', 'Blessing', 'Adaeze', 'Ngozi', 'Favour', 'Esther', 'Joy', 'Osasere', 'Peace', 'Grace'],
    surnames: ['Okafor', 'Okonkwo', 'Adeyemi', 'Eze', 'Osagie', 'Igbinedion', 'Obi', 'Nwosu', 'Omoregie', 'Bello'] },
  { name: 'India', zCode: 'Z222', weight: 4, alternativeShare: 0.8,
    male: ['Arjun', 'Harpreet', 'Gurpreet', 'Rohit', 'Aman', 'Jaspreet', 'Manpreet', 'Rahul', 'Karan', 'Sandeep'],
    female: ['Simran', 'Harleen', 'Priya', 'Navneet', 'Jasleen', 'Komal', 'Anjali', 'Rajdeep', 'Manpreet', 'Pooja'],
    surnames: ['Singh', 'Kaur', 'Kumar', 'Sharma', 'Gill', 'Sandhu', 'Sidhu', 'Dhillon', 'Patel', 'Verma'] },
  { name: 'Moldova', zCode: 'Z140', weight: 3, alternativeShare: 0.1,
    male: ['Ion', 'Vasile', 'Dumitru', 'Nicolae', 'Artiom', 'Victor', 'Maxim', 'Daniel', 'Sergiu', 'Cristian'],
    female: ['Cristina', 'Natalia', 'Ana', 'Mihaela', 'Victoria', 'Daniela', 'Olga', 'Corina', 'Elena', 'Adriana'],
    surnames: ['Rotaru', 'Ceban', 'Cojocaru', 'Ciobanu', 'Rusu', 'Lungu', 'Sîrbu', 'Moraru', 'Țurcanu', 'Bivol'] },
  { name: 'Senegal', zCode: 'Z343', weight: 3, alternativeShare: 0.9,
    male: ['Mamadou', 'Moussa', 'Ousmane', 'Cheikh', 'Ibrahima', 'Abdou', 'Modou', 'Babacar', 'Serigne', 'Aliou'],
    female: ['Aminata', 'Fatou', 'Awa', 'Mariama', 'Khady', 'Ndeye', 'Astou', 'Coumba', 'Aissatou', 'Bineta'],
    surnames: ['Diop', 'Ndiaye', 'Fall', 'Sow', 'Diallo', 'Gueye', 'Mbaye', 'Sarr', 'Faye', 'Seck'] },
  { name: 'Tunisia', zCode: 'Z352', weight: 3, alternativeShare: 0.85,
    male: ['Mohamed', 'Ahmed', 'Yassine', 'Aziz', 'Firas', 'Skander', 'Rayen', 'Mehdi', 'Wassim', 'Oussama'],
    female: ['Yosra', 'Eya', 'Rania', 'Nour', 'Amira', 'Ines', 'Mariem', 'Chaima', 'Farah', 'Sirine'],
    surnames: ['Ben Ali', 'Trabelsi', 'Jebali', 'Gharbi', 'Hammami', 'Ben Salah', 'Mejri', 'Ayari', 'Sassi', 'Chaouachi'] },
  { name: 'Perù', zCode: 'Z611', weight: 2, alternativeShare: 0.05,
    male: ['José', 'Luis', 'Carlos', 'Jorge', 'Diego', 'Miguel', 'Sebastián', 'Renzo', 'Fabrizio', 'Jhon'],
    female: ['María', 'Rosa', 'Milagros', 'Camila', 'Valeria', 'Luz', 'Lucía', 'Ximena', 'Andrea', 'Fiorella'],
    surnames: ['Quispe', 'Flores', 'Huamán', 'Rojas', 'Mamani', 'Vásquez', 'Chávez', 'Ramírez', 'Torres', 'Mendoza'] },
  { name: 'Ecuador', zCode: 'Z605', weight: 2, alternativeShare: 0.05,
    male: ['Kevin', 'Bryan', 'Jonathan', 'Steven', 'Anthony', 'Alexander', 'Cristhian', 'Mateo', 'Joel', 'Dylan'],
    female: ['Dayana', 'Mishel', 'Génesis', 'Nayeli', 'Valentina', 'Karla', 'Jessica', 'Daniela', 'Andrea', 'Paula'],
    surnames: ['Zambrano', 'Morales', 'Cedeño', 'Guerrero', 'Vera', 'Mora', 'Cevallos', 'Andrade', 'Castillo', 'Ortiz'] },
];

/** Italian cities outside the Marche where some students were born (cadastral codes). */
export const OTHER_ITALIAN_BIRTHPLACES: readonly { name: string; cadastral: string; weight: number }[] = [
  { name: 'ROMA', cadastral: 'H501', weight: 5 },
  { name: 'MILANO', cadastral: 'F205', weight: 3 },
  { name: 'NAPOLI', cadastral: 'F839', weight: 3 },
  { name: 'BOLOGNA', cadastral: 'A944', weight: 2 },
  { name: 'TORINO', cadastral: 'L219', weight: 1.5 },
  { name: 'PERUGIA', cadastral: 'G478', weight: 2 },
  { name: 'PESCARA', cadastral: 'G482', weight: 2 },
  { name: 'RIMINI', cadastral: 'H294', weight: 2 },
  { name: 'FIRENZE', cadastral: 'D612', weight: 1.5 },
  { name: 'BARI', cadastral: 'A662', weight: 1.5 },
  { name: 'PALERMO', cadastral: 'G273', weight: 1 },
];
