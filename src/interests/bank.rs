//! The question bank: everyday activities, written for rumbo in plain Colombian Spanish (usted) with an
//! English twin; none is taken from another instrument. Eight per type, asked in rounds of one per type
//! (R I A S E C, R I A S E C, …) so that a person who stops early («saltar el resto») has answered every
//! type about as often.
//!
//! The `id` is what a saved answer keys on: never reuse or renumber one. A question may be reworded or
//! moved and its answers still count; a question taken out leaves its saved answers in the session file,
//! ignored by the scores.

use super::Riasec::{self, *};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    /// Stable: "r-bicicleta", never a position.
    pub id: &'static str,
    pub kind: Riasec,
    pub es: &'static str,
    pub en: &'static str,
}

impl Question {
    pub fn text(&self, lang: crate::i18n::Lang) -> &'static str {
        match lang {
            crate::i18n::Lang::Es => self.es,
            crate::i18n::Lang::En => self.en,
        }
    }
}

/// The question with this id, if the bank still has it.
pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

const fn q(id: &'static str, kind: Riasec, es: &'static str, en: &'static str) -> Question {
    Question { id, kind, es, en }
}

/// Every question, in the order asked.
pub const QUESTIONS: &[Question] = &[
    // Round 1
    q(
        "r-bicicleta",
        Realistic,
        "Arreglar una bicicleta o un electrodoméstico",
        "Fix a bicycle or a household appliance",
    ),
    q(
        "i-causa",
        Investigative,
        "Buscar la causa de un problema hasta entenderlo",
        "Look for the cause of a problem until you understand it",
    ),
    q("a-dibujar", Artistic, "Dibujar o pintar un cuadro", "Draw or paint a picture"),
    q(
        "s-tareas",
        Social,
        "Explicarle una tarea a un niño hasta que la entienda",
        "Explain homework to a child until they get it",
    ),
    q("e-vender", Enterprising, "Vender algo que usted hizo o compró", "Sell something you made or bought"),
    q(
        "c-cuentas",
        Conventional,
        "Llevar las cuentas de la casa en un cuaderno o en el celular",
        "Keep the household accounts in a notebook or on your phone",
    ),
    // Round 2
    q(
        "r-mueble",
        Realistic,
        "Armar un mueble pieza por pieza",
        "Put together a piece of furniture, part by part",
    ),
    q(
        "i-experimento",
        Investigative,
        "Hacer un experimento para ver qué pasa",
        "Try an experiment to see what happens",
    ),
    q("a-musica", Artistic, "Tocar un instrumento o cantar", "Play an instrument or sing"),
    q("s-cuidar", Social, "Cuidar a una persona enferma o mayor", "Look after someone who is ill or elderly"),
    q(
        "e-negocio",
        Enterprising,
        "Montar un negocio propio, así sea pequeño",
        "Start a business of your own, however small",
    ),
    q(
        "c-carpetas",
        Conventional,
        "Ordenar papeles y documentos en carpetas",
        "Sort papers and documents into folders",
    ),
    // Round 3
    q("r-huerta", Realistic, "Sembrar y cuidar una huerta", "Plant and tend a vegetable garden"),
    q(
        "i-cuerpo",
        Investigative,
        "Leer sobre cómo funciona el cuerpo humano",
        "Read about how the human body works",
    ),
    q(
        "a-escribir",
        Artistic,
        "Escribir un cuento, un poema o una canción",
        "Write a story, a poem or a song",
    ),
    q(
        "s-escuchar",
        Social,
        "Escuchar a alguien que tiene un problema y darle ánimo",
        "Listen to someone with a problem and cheer them up",
    ),
    q(
        "e-convencer",
        Enterprising,
        "Convencer a otros de una idea suya",
        "Win other people over to an idea of yours",
    ),
    q(
        "c-inventario",
        Conventional,
        "Contar la mercancía y anotar lo que falta",
        "Count the stock and write down what is missing",
    ),
    // Round 4
    q(
        "r-maquina",
        Realistic,
        "Manejar una máquina o una herramienta eléctrica",
        "Operate a machine or a power tool",
    ),
    q(
        "i-datos",
        Investigative,
        "Sacar conclusiones de unas cifras o de una encuesta",
        "Draw conclusions from some figures or a survey",
    ),
    q("a-decorar", Artistic, "Decorar un lugar para una fiesta", "Decorate a place for a party"),
    q(
        "s-voluntario",
        Social,
        "Ayudar como voluntario en el barrio",
        "Help out as a volunteer in your neighbourhood",
    ),
    q(
        "e-grupo",
        Enterprising,
        "Estar a cargo de un grupo y repartir las tareas",
        "Be in charge of a group and hand out the tasks",
    ),
    q(
        "c-formularios",
        Conventional,
        "Llenar formularios con cuidado, sin errores",
        "Fill in forms carefully, without mistakes",
    ),
    // Round 5
    q("r-pared", Realistic, "Pintar una pared o cambiar una baldosa", "Paint a wall or replace a floor tile"),
    q(
        "i-acertijos",
        Investigative,
        "Resolver acertijos o problemas de lógica",
        "Solve riddles or logic problems",
    ),
    q(
        "a-fotos",
        Artistic,
        "Tomar fotos o grabar videos y editarlos",
        "Take photos or shoot videos and edit them",
    ),
    q(
        "s-atender",
        Social,
        "Atender a las personas que llegan a pedir ayuda",
        "Attend to people who come asking for help",
    ),
    q("e-negociar", Enterprising, "Negociar un precio o un trato", "Bargain over a price or a deal"),
    q("c-hoja", Conventional, "Pasar datos a una hoja de cálculo", "Type data into a spreadsheet"),
    // Round 6
    q(
        "r-moto",
        Realistic,
        "Revisar el aceite y las llantas de un carro o una moto",
        "Check the oil and tyres of a car or a motorbike",
    ),
    q(
        "i-naturaleza",
        Investigative,
        "Observar animales o plantas y anotar lo que hacen",
        "Watch animals or plants and note what they do",
    ),
    q("a-ropa", Artistic, "Diseñar ropa, accesorios o peinados", "Design clothes, accessories or hairstyles"),
    q(
        "s-juegos",
        Social,
        "Dirigir juegos o actividades para un grupo de niños",
        "Run games or activities for a group of children",
    ),
    q(
        "e-evento",
        Enterprising,
        "Organizar una rifa, un bazar o un evento",
        "Organise a raffle, a bazaar or an event",
    ),
    q(
        "c-caja",
        Conventional,
        "Recibir pagos y cuadrar la caja al final del día",
        "Take payments and balance the till at the end of the day",
    ),
    // Round 7
    q("r-aire-libre", Realistic, "Trabajar al aire libre con las manos", "Work outdoors with your hands"),
    q(
        "i-programa",
        Investigative,
        "Averiguar cómo funciona por dentro un programa de computador",
        "Find out how a computer program works inside",
    ),
    q("a-teatro", Artistic, "Actuar en una obra de teatro o un video", "Act in a play or a video"),
    q(
        "s-auxilios",
        Social,
        "Aprender primeros auxilios para ayudar a otros",
        "Learn first aid to help others",
    ),
    q("e-publico", Enterprising, "Hablar frente a mucha gente", "Speak in front of a crowd"),
    q(
        "c-pasos",
        Conventional,
        "Seguir un horario y unos pasos fijos",
        "Follow a set timetable and fixed steps",
    ),
    // Round 8
    q("r-lampara", Realistic, "Instalar un enchufe o una lámpara", "Put in a socket or a lamp"),
    q("i-documentales", Investigative, "Ver documentales de ciencia", "Watch science documentaries"),
    q("a-artesanias", Artistic, "Hacer artesanías con ideas propias", "Make handicrafts from your own ideas"),
    q(
        "s-mediar",
        Social,
        "Ayudar a que dos personas que pelean se entiendan",
        "Help two people who are quarrelling understand each other",
    ),
    q(
        "e-metas",
        Enterprising,
        "Ponerse metas de ventas y cumplirlas",
        "Set yourself sales targets and meet them",
    ),
    q(
        "c-facturas",
        Conventional,
        "Revisar que unas facturas estén bien hechas",
        "Check that some invoices are right",
    ),
];
