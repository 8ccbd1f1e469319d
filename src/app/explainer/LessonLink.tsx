import { useI18n } from '../i18n';

// The lesson the chapters follow. A plain link: nothing is fetched from it unless the reader follows it.
export const LESSON_URL = 'https://www.3blue1brown.com/lessons/gpt';

export function LessonLink() {
  const { ui } = useI18n();
  return (
    <p className="lesson-link">
      <a href={LESSON_URL} target="_blank" rel="noopener noreferrer">
        {ui.lessonLink}
      </a>
    </p>
  );
}
